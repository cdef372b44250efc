package org.oteltutorial.harness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oteltutorial.harness.junit.ChapterStack;
import org.oteltutorial.harness.junit.RedAssertions;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.verify.SentTraffic;

/**
 * The stack a reader reaches by following a tutorial-shaped checkout (this project's fixture, with the chapter-06 fix
 * the reader's path asks for: apply backend/06-backend.yaml after the collector) up to chapter 06.
 */
class TutorialCheckoutIT {

    private static final String FIXTURE = "../harness-core/src/test/resources/tutorial-repo";
    private static final String APPLY_SPM_BACKEND = "kubectl apply -f https://raw.githubusercontent.com/pavolloffay/"
            + "kubecon-eu-2024-opentelemetry-kubernetes-tracing-tutorial/main/backend/06-backend.yaml";

    @RegisterExtension
    static final ChapterStack STACK = ChapterStack.ofTutorial(fixedCheckout(), "06");

    @Test
    void theReaderReachesTheChapterSixCollectorAndSpmBackend(StackModel model) {
        assertThat(model.collector().orElseThrow().source().location()).isEqualTo("backend/06-collector.yaml:1");
        assertThat(model.jaeger().orElseThrow().workload().source().location()).isEqualTo("backend/06-backend.yaml:53");
    }

    @Test
    void everySpanIsCountedInCallsTotal(SentTraffic sent, RedAssertions red) {
        red.assertThatRed(sent).isCountedExactlyInPrometheus();
    }

    @Test
    void jaegerKeepsTheSampledTracesOnly(SentTraffic sent, RedAssertions red) {
        red.assertThatRed(sent).isSampledExactlyInJaeger();
    }

    @Test
    void spmReadsTheRedMetricsBack(SentTraffic sent, RedAssertions red) {
        red.assertThatRed(sent).isReadBackBySpm();
    }

    /** A copy of the fixture under target/ whose chapter 06 applies the SPM backend right after the collector. */
    private static Path fixedCheckout() {
        Path copy = Path.of("target", "tutorial-repo-spm").toAbsolutePath();
        try (Stream<Path> files = Files.walk(Path.of(FIXTURE))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(Path.of(FIXTURE).relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Path chapter = copy.resolve("06-RED-metrics.md");
            String text = Files.readString(chapter);
            String collector = APPLY_SPM_BACKEND.replace("06-backend.yaml", "06-collector.yaml");
            assertThat(text).contains(collector + "\n");
            Files.writeString(chapter, text.replace(collector + "\n", collector + "\n" + APPLY_SPM_BACKEND + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }
}
