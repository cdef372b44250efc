package org.oteltutorial.harness.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.reader.ReaderPath;
import org.oteltutorial.harness.reader.TutorialRepo;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;

class PathLinterTest {

    @TempDir
    Path dir;

    private TutorialRepo repo;
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void copy() {
        repo = TutorialRepo.copyTo(dir);
    }

    private List<Finding> lint(String chapter) {
        ReaderPath path = ReaderPath.follow(repo.checkout(), chapter);
        StackModel model = StackModel.from(path.manifests());
        List<Finding> all = new ArrayList<>(Linter.standard().lint(model).findings());
        all.addAll(PathLinter.standard().lint(PathContext.of(path, model, StepPlan.bundled(), notes::add)));
        return all;
    }

    private static List<Finding> rule(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.rule().equals(id)).toList();
    }

    @Test
    void theSpmFileNoChapterAppliesIsAnErrorNamingTheFileAndTheLineToAddItAfter() {
        List<Finding> findings = lint("06-RED-metrics.md");

        assertThat(rule(findings, "spm-not-applied")).singleElement().satisfies(f -> {
            assertThat(f.isError()).isTrue();
            assertThat(f.location()).isEqualTo("06-RED-metrics.md:27");
            assertThat(f.resource()).isEqualTo("backend/06-backend.yaml");
            assertThat(f.message()).contains("no chapter up to 06-RED-metrics.md applies backend/06-backend.yaml")
                    .endsWith("Fix: add `kubectl apply -f " + TutorialRepo.RAW + "backend/06-backend.yaml` to 06-RED-metrics.md after line 27");
        });
        assertThat(rule(findings, "jaeger-spm")).hasSize(1);
    }

    @Test
    void withTheSpmFileAppliedTheStateHasNoErrorsAndTheTextAgreesWithTheFiles() {
        repo.withSpmBackendApplied();
        List<Finding> findings = lint("06-RED-metrics.md");

        assertThat(findings).filteredOn(Finding::isError).isEmpty();
        assertThat(notes).contains("06-RED-metrics.md:34: the env block equals the env backend/06-backend.yaml:53 sets for container jaeger of"
                        + " Deployment observability-backend/jaeger",
                "06-RED-metrics.md:4: the diff applied to backend/05-collector-1.yaml:29 gives exactly the collector config of"
                        + " backend/06-collector.yaml, which 06-RED-metrics.md:27 applies",
                "06-RED-metrics.md:31: calls_total is a name Prometheus will hold (calls_total, duration_milliseconds_bucket)");
    }

    @Test
    void theHazardsOfTheReadersPathCarryTheirChapterLines() {
        List<Finding> findings = lint("06-RED-metrics.md");

        assertThat(rule(findings, "collector-left-running")).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("05-sampling.md:11");
            assertThat(f.message()).endsWith("Fix: `kubectl delete opentelemetrycollector otel-gateway -n observability-backend` in 06-RED-metrics.md");
        });
        assertThat(rule(findings, "red-head-sampled")).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("05-sampling.md:4");
            assertThat(f.message()).contains("Already sampling at 0.5: backend-deployment (pods from 05-sampling.md:9)")
                    .contains("Still at the earlier sampler: frontend-deployment (pods from 03-app.md:7); once one of them restarts");
        });
        assertThat(rule(findings, "release-image-gone")).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("01-setup.md:7");
            assertThat(f.message()).contains("gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1").contains("quay.io/brancz/kube-rbac-proxy:v0.13.1");
        });
        assertThat(rule(findings, "no-load-generator")).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("03-app.md:4");
            assertThat(f.resource()).isEqualTo("app/k8s.yaml:56");
        });
        assertThat(rule(findings, "moving-reference")).extracting(Finding::location).contains("01-setup.md:14", "06-RED-metrics.md:27")
                .hasSize(9);
        assertThat(rule(findings, "chapter-diff")).singleElement().satisfies(f -> assertThat(f.message()).contains(
                "the diff is written against backend/05-collector-1.yaml, but the collector the reader last applied is"
                        + " backend/05-collector-2.yaml (at 05-sampling.md:11)"));
    }

    @Test
    void editingTheEnvBlockAddsAFindingNamingTheChapter() {
        repo.withSpmBackendApplied().edit("06-RED-metrics.md", "value: \"http://prometheus.observability-backend\"", "value: \"http://prometheus:9090\"");

        assertThat(rule(lint("06-RED-metrics.md"), "chapter-env")).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("06-RED-metrics.md:34");
            assertThat(f.message()).contains("PROMETHEUS_SERVER_URL is 'http://prometheus:9090' in the text but"
                    + " 'http://prometheus.observability-backend' in the file");
        });
    }

    @Test
    void editingTheDiffBlockAddsAFindingNamingTheChapter() {
        repo.withSpmBackendApplied().edit("06-RED-metrics.md", "+          receivers: [otlp, spanmetrics]", "+          receivers: [spanmetrics]");

        assertThat(rule(lint("06-RED-metrics.md"), "chapter-diff")).anySatisfy(f -> {
            assertThat(f.location()).isEqualTo("06-RED-metrics.md:4");
            assertThat(f.message()).contains("does not give the collector config of backend/06-collector.yaml")
                    .contains("service.pipelines.metrics.receivers is [\"spanmetrics\"] instead of [\"otlp\",\"spanmetrics\"]");
        });
    }

    @Test
    void aMetricNamePrometheusWillNotHoldIsAnError() {
        repo.withSpmBackendApplied().edit("06-RED-metrics.md", "`calls_total`", "`traces_span_metrics_calls_total`");

        assertThat(rule(lint("06-RED-metrics.md"), "chapter-metric")).singleElement().satisfies(f -> {
            assertThat(f.isError()).isTrue();
            assertThat(f.location()).isEqualTo("06-RED-metrics.md:31");
            assertThat(f.message()).contains("Prometheus will hold calls_total and duration_milliseconds_bucket");
        });
    }

    @Test
    void theChapterAfterTheRedOneTakesTheConnectorAwayAgain() {
        assertThat(rule(lint("07-ottl.md"), "red-claims")).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("07-ottl.md:4");
            assertThat(f.message()).contains("the RED claims of 06-RED-metrics.md (backend/06-collector.yaml, applied at 06-RED-metrics.md:27) no longer hold");
        });
    }
}
