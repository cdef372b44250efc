package org.oteltutorial.harness.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oteltutorial.harness.tutorial.Step06.APP;
import static org.oteltutorial.harness.tutorial.Step06.BACKEND;
import static org.oteltutorial.harness.tutorial.Step06.COLLECTOR;
import static org.oteltutorial.harness.tutorial.Step06.INSTRUMENTATION;

import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.tutorial.Step06;

/** Lint on part of the stack: rules whose inputs are absent stay silent (no errors about a missing Jaeger etc.). */
class SubsetLintTest {

    private static final Step06 STEP06 = Step06.bundled();

    @Test
    void onlyTheBackendHasNoFindings() {
        LintResult result = STEP06.only(BACKEND).lint();

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void onlyTheCollectorHasNoFindings() {
        LintResult result = STEP06.only(COLLECTOR).lint();

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void onlyTheAppHasJustItsImageWarnings() {
        LintResult result = STEP06.only(APP).lint();

        Findings.assertNoErrors(result);
        Findings.assertOnlyAppImageWarnings(result);
    }

    @Test
    void onlyTheInstrumentationHasNoFindings() {
        assertThat(STEP06.only(INSTRUMENTATION).lint().findings()).isEmpty();
    }

    @Test
    void theBackendWithTheCollectorButNoAppHasNoFindings() {
        assertThat(STEP06.only(BACKEND, COLLECTOR).lint().findings()).isEmpty();
    }

    @Test
    void theAppWithItsInstrumentationButNoCollectorHasNoErrors() {
        LintResult result = STEP06.only(APP, INSTRUMENTATION).lint();

        Findings.assertNoErrors(result);
        Findings.assertOnlyAppImageWarnings(result);
    }

    @Test
    void withoutPrometheusTheMetricNamesAreNotChecked() {
        // Jaeger and the collector, but another metrics store than Prometheus: its names are not Prometheus' to judge
        LintResult result = STEP06.replace(BACKEND, "quay.io/prometheus/prometheus:v2.47.2", "victoriametrics/victoria-metrics:v1.93.0").lint();

        assertThat(result.byRule("metric-names")).isEmpty();
        Findings.assertNoErrors(result);
    }

    @Test
    void aPartialStackStillReportsWhatIsBrokenInsideIt() {
        LintResult result = STEP06.only(COLLECTOR).replace(COLLECTOR, "exporters: [otlp/traces]", "exporters: [otlp/jaeger]").lint();

        assertThat(result.errors()).extracting(Finding::rule).containsExactly("pipeline-undefined");
    }

    @Test
    void aPartialStackStillReportsATypoInANamespaceItCovers() {
        // the misspelt namespace is described by no file, but the Service exists in another one: a typo, not a gap
        LintResult result = STEP06.only(COLLECTOR, INSTRUMENTATION)
                .replace(INSTRUMENTATION, "http://otel-collector.observability-backend.svc.cluster.local:4317",
                        "http://otel-collector.observabilty-backend:4317")
                .lint();

        assertThat(Findings.only(result, "endpoint-unresolved").message())
                .contains("no Service observabilty-backend/otel-collector", "write otel-collector.observability-backend");
    }
}
