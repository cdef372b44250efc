package org.oteltutorial.harness.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oteltutorial.harness.reader.ReaderCommand.Apply;
import org.oteltutorial.harness.reader.ReaderCommand.Delete;
import org.oteltutorial.harness.reader.ReaderCommand.NotExecuted;
import org.oteltutorial.harness.reader.ReaderCommand.ObjectName;
import org.oteltutorial.harness.reader.ReaderCommand.Patch;
import org.oteltutorial.harness.reader.ReaderCommand.Restart;
import org.oteltutorial.harness.reader.ReaderCommand.SetEnv;

class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    private static ChapterLine line(String text) {
        return new ChapterLine("06-RED-metrics.md", 41, text);
    }

    private ReaderCommand one(String text) {
        List<ReaderCommand> commands = parser.parse(line(text));
        assertThat(commands).hasSize(1);
        return commands.get(0);
    }

    @Test
    void applyAndReplaceTakeFilesInEveryFlagForm() {
        assertThat(one("kubectl apply -f a.yaml --filename=b.yaml -fc.yaml -n ns")).isEqualTo(
                new Apply(line("kubectl apply -f a.yaml --filename=b.yaml -fc.yaml -n ns"), List.of("a.yaml", "b.yaml", "c.yaml"),
                        Optional.of("ns"), false));
        assertThat(one("kubectl replace -f a.yaml")).isInstanceOfSatisfying(Apply.class, a -> assertThat(a.replace()).isTrue());
    }

    @Test
    void patchKeepsItsQuotedJsonAndType() {
        String text = "kubectl patch deployment frontend -n app -p '{\"spec\": {\"replicas\": 2}}' --type merge";
        assertThat(one(text)).isEqualTo(new Patch(line(text), new ObjectName("Deployment", "frontend", Optional.of("app")), "merge",
                "{\"spec\": {\"replicas\": 2}}"));
    }

    @ParameterizedTest
    @CsvSource({"deployment.apps/backend, Deployment", "deploy/backend, Deployment", "deployments backend, Deployment",
            "statefulset/backend, StatefulSet", "opentelemetrycollectors.opentelemetry.io/backend, OpenTelemetryCollector"})
    void restartNamesItsTargetInKubectlsForms(String target, String kind) {
        assertThat(one("kubectl rollout restart " + target + " -n app")).isInstanceOfSatisfying(Restart.class,
                r -> assertThat(r.target()).isEqualTo(new ObjectName(kind, "backend", Optional.of("app"))));
    }

    @Test
    void setEnvSetsAndUnsets() {
        assertThat(one("kubectl set env deployment backend RATE_ERROR=50 OLD- -c main -n app")).isInstanceOfSatisfying(SetEnv.class, e -> {
            assertThat(e.set()).isEqualTo(Map.of("RATE_ERROR", "50"));
            assertThat(e.unset()).containsExactly("OLD");
            assertThat(e.container()).hasValue("main");
        });
    }

    @Test
    void deleteTakesFilesOrAnObject() {
        assertThat(one("kubectl delete opentelemetrycollector otel-gateway -n obs")).isInstanceOfSatisfying(Delete.class,
                d -> assertThat(d.target()).hasValue(new ObjectName("OpenTelemetryCollector", "otel-gateway", Optional.of("obs"))));
        assertThat(one("kubectl delete -f old.yaml")).isInstanceOfSatisfying(Delete.class, d -> assertThat(d.files()).containsExactly("old.yaml"));
    }

    @Test
    void readOnlyOtherProgramsAndPipesAreListedAsNotExecuted() {
        assertThat(one("kubectl get pods -w")).isEqualTo(new NotExecuted(line("kubectl get pods -w"), "read-only (kubectl get)"));
        assertThat(one("kubectl port-forward svc/frontend 4000:4000 &")).isInstanceOf(NotExecuted.class);
        assertThat(one("kind create cluster")).isInstanceOfSatisfying(NotExecuted.class, n -> assertThat(n.why()).contains("chosen stack"));
        assertThat(one("kubectl get cm x -o yaml | kubectl apply -f -")).isInstanceOf(NotExecuted.class);
        assertThat(parser.parse(line("kubectl apply -f a.yaml && kubectl get pods"))).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kubectl apply -f 'a.yaml| a single quote is never closed",
            "kubectl apply| kubectl apply needs -f FILE",
            "kubectl patch deployment x -p '{nope'| the patch is not valid JSON",
            "kubectl patch deployment x| kubectl patch needs -p PATCH",
            "kubectl rollout restart| kubectl rollout restart needs KIND NAME or KIND/NAME",
            "kubectl set env deployment x| kubectl set env names nothing to set (NAME=VALUE)",
            "kubectl apply -f| -f needs a value"})
    void aCommandThatCannotBeReadIsBadInputNamingItsLine(String text, String problem) {
        assertThatThrownBy(() -> parser.parse(line(text))).isInstanceOf(ChapterCommandException.class)
                .hasMessageStartingWith("06-RED-metrics.md:41: cannot read the command '" + text + "': ").hasMessageContaining(problem);
    }
}
