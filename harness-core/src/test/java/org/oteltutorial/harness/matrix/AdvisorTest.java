package org.oteltutorial.harness.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.images.Catalogue;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.lint.Linter;
import org.oteltutorial.harness.tutorial.StackModel;

/** Per built-in cell: the chapter's manifests at those versions, the advice, and lint on the advised copy. */
class AdvisorTest {

    private static final List<Cell> CELLS = Cells.builtIn(Catalogue.bundled());

    private static Cell cell(String id) {
        return CELLS.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static ManifestFiles atVersions(Cell cell) {
        ManifestFiles bundled = ManifestFiles.bundled();
        return new VersionWriter().write(bundled, StackModel.from(bundled.manifests()), cell).files();
    }

    private static LintResult lint(ManifestFiles files) {
        return Linter.standard().lint(StackModel.from(files.manifests()));
    }

    @Test
    void theBuiltInCellsAreThePinnedVersionsEachBumpAloneAndToday() {
        assertThat(CELLS).extracting(Cell::id).containsExactly("pinned", "collector-0.161.0", "jaeger-2.13.0", "prometheus-3.16.0",
                "current");
        assertThat(cell("pinned").versions()).isEqualTo(Map.of("collector", "0.94.0", "jaeger", "1.54.0", "prometheus", "2.47.2"));
        assertThat(cell("jaeger-2.13.0").versions()).isEqualTo(Map.of("collector", "0.94.0", "jaeger", "2.13.0", "prometheus", "2.47.2"));
        assertThat(cell("current").versions()).isEqualTo(Map.of("collector", "0.161.0", "jaeger", "2.13.0", "prometheus", "3.16.0"));
    }

    @Test
    void theVersionsGoIntoTheImageTagsAndJaeger2ChangesImage() {
        ManifestFiles current = atVersions(cell("current"));

        assertThat(current.files().get("step-06/collector.yaml"))
                .contains("image: ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.161.0")
                .doesNotContain(":0.94.0");
        assertThat(current.files().get("step-06/backend.yaml")).contains("image: quay.io/prometheus/prometheus:v3.16.0",
                "image: jaegertracing/jaeger:2.13.0").doesNotContain("all-in-one:1.54.0", "v2.47.2");
    }

    @Test
    void thePinnedCellNeedsNoAdvice() {
        ManifestFiles pinned = atVersions(cell("pinned"));

        assertThat(pinned).isEqualTo(ManifestFiles.bundled());
        assertThat(new Advisor().advise(pinned).items()).isEmpty();
    }

    @Test
    void todaysReleasesFailLintAsWrittenAndTheAdviceFixesPrometheusAndJaeger() {
        ManifestFiles current = atVersions(cell("current"));
        assertThat(lint(current).errors()).extracting(Finding::rule).contains("prometheus-otlp-flag", "jaeger-spm", "jaeger-v2-flags");

        Advisor.Advice advice = new Advisor().advise(current);

        assertThat(advice.items()).extracting(AdviceItem::file).containsExactly("step-06/backend.yaml", "step-06/backend.yaml");
        assertThat(advice.items().get(0).change()).contains("replace the arg --enable-feature=otlp-write-receiver with"
                + " --web.enable-otlp-receiver");
        assertThat(advice.items().get(1).change()).contains("add ConfigMap observability-backend/jaeger-config",
                "endpoint http://prometheus.observability-backend", "metric_namespace 'traces_span_metrics', normalize_calls true,"
                        + " normalize_duration true, latency_unit ms", "args [--config=/etc/jaeger/config/config.yaml]");
        assertThat(lint(advice.files()).errors()).isEmpty();
    }

    @Test
    void theCollectorAloneGetsTheBareNamesBackForJaeger1() {
        ManifestFiles collector = atVersions(cell("collector-0.161.0"));
        assertThat(lint(collector).errors()).extracting(Finding::rule).containsOnly("metric-names");

        Advisor.Advice advice = new Advisor().advise(collector);

        assertThat(advice.items()).singleElement().satisfies(a -> {
            assertThat(a.file()).isEqualTo("step-06/collector.yaml");
            assertThat(a.change()).contains("set connectors.spanmetrics.namespace: \"\"");
            assertThat(a.why()).contains("traces_span_metrics_calls_total", "Jaeger queries calls_total");
        });
        assertThat(lint(advice.files()).errors()).isEmpty();
    }

    @Test
    void jaeger2AloneQueriesTheBareNamesOfTheTutorialsCollector() {
        Advisor.Advice advice = new Advisor().advise(atVersions(cell("jaeger-2.13.0")));

        assertThat(advice.items()).singleElement().satisfies(a -> assertThat(a.change()).contains("metric_namespace '',"
                + " normalize_calls true, normalize_duration true"));
        assertThat(lint(advice.files()).errors()).isEmpty();
    }

    @Test
    void prometheus3AloneNeedsOnlyItsFlag() {
        Advisor.Advice advice = new Advisor().advise(atVersions(cell("prometheus-3.16.0")));

        assertThat(advice.items()).singleElement().satisfies(a -> assertThat(a.change()).contains("--web.enable-otlp-receiver"));
        assertThat(lint(advice.files()).errors()).isEmpty();
    }
}
