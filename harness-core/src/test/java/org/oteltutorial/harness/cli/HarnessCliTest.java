package org.oteltutorial.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.tutorial.Step06;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HarnessCliTest {

    /** One finding per line: severity, rule id, file:line, resource, message. */
    private static final Pattern FINDING = Pattern.compile(
            "(ERROR|WARNING) +([a-z-]+) +(\\S+):(\\d+) +((?:Deployment|OpenTelemetryCollector|Instrumentation|Service) \\S+/\\S+) +(\\S.*)");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {

        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }

        List<Matcher> findings() {
            return lines().stream().map(FINDING::matcher).filter(Matcher::matches).toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HarnessCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static void assertBadInput(Run run, String... messageParts) {
        assertThat(run.exit()).as("exit code; stderr: %s", run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("harness: ").contains(messageParts).doesNotContain("at org.", "Exception");
        assertThat(run.err().lines().count()).as("stderr lines: %s", run.err()).isLessThanOrEqualTo(2);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theBundledManifestsPass() {
        Run run = run("lint", "--no-validate");

        assertThat(run.exit()).as("stderr: %s", run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.lines()).hasSize(5);
        assertThat(run.findings()).hasSize(3).allSatisfy(m -> {
            assertThat(m.group(1)).isEqualTo("WARNING");
            assertThat(m.group(2)).isEqualTo("image");
            assertThat(m.group(3)).isEqualTo("step-06/app.yaml");
            assertThat(m.group(6)).contains(":latest", "mutable");
        });
        assertThat(run.lines().get(3)).isEqualTo("note: validated the bundled rendering of"
                + " pavolloffay/kubecon-eu-2024-opentelemetry-kubernetes-tracing-tutorial at commit f648f09f1426 (step 06)");
        assertThat(run.lines().get(4)).isEqualTo("lint: 0 errors, 3 warnings (15 rules over 20 resources)");
    }

    @Test
    void aBrokenStackFailsWithOneLinePerFinding() {
        Path stack = Step06.bundled().collectorImageTag("0.110.0").writeTo(dir.resolve("stack"));

        Run run = run("lint", "--no-validate", stack.toString());

        assertThat(run.exit()).as("stderr: %s", run.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.lines()).as("finding lines, the source, then the summary: %s", run.out()).hasSize(7);
        List<Matcher> findings = run.findings();
        assertThat(findings).as("lines that are whole findings in:%n%s", run.out()).hasSize(5);
        Matcher first = findings.get(0);
        assertThat(first.group(1)).isEqualTo("ERROR");
        assertThat(first.group(2)).isEqualTo("metric-names");
        assertThat(first.group(3)).isEqualTo(stack.resolve("backend.yaml").toString());
        assertThat(first.group(4)).isEqualTo("104");
        assertThat(first.group(5)).isEqualTo("Deployment observability-backend/jaeger");
        assertThat(first.group(6)).contains("'calls_total'", "'traces_span_metrics_calls_total'");
        assertThat(findings.get(1).group(6)).contains("'duration_milliseconds_bucket'", "'traces_span_metrics_duration_milliseconds_bucket'");
        assertThat(findings.subList(2, 5)).allSatisfy(m -> assertThat(m.group(1)).isEqualTo("WARNING"));
        assertThat(run.lines().get(5)).startsWith("note: validated the manifests in ");
        assertThat(run.lines().get(6)).isEqualTo("lint: 2 errors, 3 warnings (15 rules over 20 resources)");
    }

    @Test
    void jsonFormatCarriesTheFindings() {
        Path stack = Step06.bundled().withoutJaegerEnv("METRICS_STORAGE_TYPE").writeTo(dir.resolve("stack"));

        Run run = run("lint", "--no-validate", "--format", "json", stack.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.FAILED);
        JsonNode doc = JsonMapper.builder().build().readTree(run.out());
        assertThat(doc.path("passed").asBoolean(true)).isFalse();
        assertThat(doc.path("errors").asInt()).isEqualTo(1);
        assertThat(doc.path("warnings").asInt()).isEqualTo(3);
        JsonNode findings = doc.path("findings");
        assertThat(findings.size()).isEqualTo(4);
        JsonNode error = findings.get(0);
        assertThat(error.path("severity").asString()).isEqualTo("ERROR");
        assertThat(error.path("rule").asString()).isEqualTo("jaeger-spm");
        assertThat(error.path("location").asString()).isEqualTo(stack.resolve("backend.yaml") + ":104");
        assertThat(error.path("resource").asString()).isEqualTo("Deployment observability-backend/jaeger");
        assertThat(error.path("message").asString()).contains("METRICS_STORAGE_TYPE is not set");
    }

    @Test
    void jsonFormatOfAPassingStack() {
        Run run = run("lint", "--no-validate", "--format=json");

        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        JsonNode doc = JsonMapper.builder().build().readTree(run.out());
        assertThat(doc.path("passed").asBoolean(false)).isTrue();
        assertThat(doc.path("findings").size()).isEqualTo(3);
    }

    @Test
    void severalFilesAreOneStack() {
        Path stack = Step06.bundled().writeTo(dir.resolve("stack"));

        Run run = run("lint", "--no-validate", stack.resolve("backend.yaml").toString(), stack.resolve("collector.yaml").toString());

        assertThat(run.exit()).as("out: %s err: %s", run.out(), run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("note: validated the manifests in " + stack.resolve("backend.yaml").toAbsolutePath() + ", "
                + stack.resolve("collector.yaml").toAbsolutePath() + System.lineSeparator()
                + "lint: 0 errors, 0 warnings (15 rules over 12 resources)" + System.lineSeparator());
    }

    @Test
    void aMissingPathIsBadInput() {
        Path missing = dir.resolve("missing.yaml");

        assertBadInput(run("lint", missing.toString()), missing + ": no such file or directory");
    }

    @Test
    void malformedYamlIsBadInputNamingFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: [x\n");

        assertBadInput(run("lint", file.toString()), file + ":6: not valid YAML");
    }

    @Test
    void aCollectorConfigThatIsNotYamlIsBadInput() {
        Path stack = Step06.bundled().replace(Step06.COLLECTOR, "        verbosity: detailed\n", "        verbosity: [detailed\n")
                .writeTo(dir.resolve("stack"));

        assertBadInput(run("lint", stack.toString()), stack.resolve("collector.yaml") + ":4 OpenTelemetryCollector observability-backend/otel"
                + " spec.config: not valid YAML at config line ");
    }

    @Test
    void aCollectorConfigOfTheWrongShapeIsBadInput() {
        Path stack = Step06.bundled().replace(Step06.COLLECTOR, "receivers: [otlp, spanmetrics]", "receivers: [otlp, {spanmetrics: x}]")
                .writeTo(dir.resolve("stack"));

        assertBadInput(run("lint", stack.toString()), "spec.config: pipeline metrics receivers:", "is not a component id");
    }

    @Test
    void aNonKubernetesDocumentIsBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("values.yaml"), "replicas: 1\nimage: {tag: latest}\n");

        assertBadInput(run("lint", file.toString()), file + ":1 (document 1): not a Kubernetes resource");
    }

    @Test
    void filesWithoutResourcesAreBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "# nothing\n---\n");

        assertBadInput(run("lint", file.toString()), "no Kubernetes resources in");
    }

    @Test
    void aDirectoryWithoutYamlIsBadInput() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x");

        assertBadInput(run("lint", dir.toString()), "holds no *.yaml or *.yml files");
    }

    @Test
    void usageErrorsAreBadInput() {
        assertBadInput(run("frobnicate"), "Unmatched argument", "'frobnicate'");
        assertBadInput(run("lint", "--strict"), "Unknown option: '--strict'", "harness lint --help");
        assertBadInput(run("lint", "--format", "xml"), "--format", "xml");
        assertBadInput(run(), "Missing required subcommand");
    }

    @Test
    void helpAndVersionGoToStandardOut() {
        Run help = run("lint", "--help");
        assertThat(help.exit()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).contains("Usage: harness lint", "--format", "PATH");

        Run version = run("--version");
        assertThat(version.exit()).isEqualTo(ExitCodes.OK);
        assertThat(version.out()).contains("harness 0.1.0");
    }

    @Test
    void runRejectsBadInputBeforeStartingAnything(@TempDir Path dir) {
        assertBadInput(run("run", "--stack", "nomad"), "unknown stack 'nomad'", "local, kube, k3s or cluster");
        assertBadInput(run("run", "--stack", "cluster", "--without", "prometheus"), "--without prometheus: only 'operator' can be left out");
        assertBadInput(run("run", "--requests", "0"), "--requests must be at least 1");
        assertBadInput(run("run", "--manifests", dir.resolve("absent").toString()), "no such file or directory");
        assertBadInput(run("run", "--seed", "many"), "--seed", "many");
        assertBadInput(run("run", "--requests", "5"), "--requests 5 leaves the latency band 0.1 x 600-1500 ms without a request",
                "use --requests 6 or more");
        assertBadInput(run("run", "--requests", "500"), "num_traces: 100", "use --requests 98 or less, or raise num_traces");
        assertBadInput(run("run", "--report", "/proc/harness-report"), "--report /proc/harness-report: cannot write there");
        assertThat(dir.resolve("absent")).doesNotExist();
    }

    @Test
    void matrixRejectsBadInputBeforeStartingAnything(@TempDir Path dir) throws IOException {
        assertBadInput(run("matrix", "--cell", "tomorrow"), "no cell 'tomorrow'", "pinned", "current");
        assertBadInput(run("matrix", "--cells", dir.resolve("absent.yaml").toString()), "absent.yaml: cannot read");
        Files.writeString(dir.resolve("cells.yaml"), "cells:\n  - id: x\n    versions: {jaeger: soon}\n");
        assertBadInput(run("matrix", "--cells", dir.resolve("cells.yaml").toString()), "cell x: 'soon' is not a version");
        assertBadInput(run("matrix", "--manifests", dir.resolve("absent").toString()), "not a directory");
        assertBadInput(run("matrix", "--merge", dir.toString()), "matrix.json: cannot read");
    }

    @Test
    void downNeedsTheReportDirectoryOfAKeptKubeStack(@TempDir Path dir) {
        assertBadInput(run("down", dir.toString()), dir + " holds no kept kube cluster (no kube/cluster.json)");
    }

    @Test
    void checkAndClusterRunNeedAReachableCluster(@TempDir Path dir) {
        Path missing = dir.resolve("kubeconfig");
        assertBadInput(run("check", "--kubeconfig", missing.toString()), "kubeconfig " + missing + " does not exist");
        assertBadInput(run("run", "--stack", "cluster", "--kubeconfig", missing.toString()), "does not exist");
    }
}
