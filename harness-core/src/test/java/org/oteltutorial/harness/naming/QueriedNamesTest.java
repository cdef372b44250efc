package org.oteltutorial.harness.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.Step06;

class QueriedNamesTest {

    private static JaegerModel jaeger(Step06 s) {
        return s.only(Step06.BACKEND).model().jaeger().orElseThrow();
    }

    @Test
    void theTutorialJaegerQueriesCallsTotalAndDurationMilliseconds() {
        NameDerivation d = QueriedNames.derive(jaeger(Step06.bundled()));

        assertThat(d.names()).hasValue(new MetricNames("calls_total", "duration_milliseconds"));
        assertThat(d.explain()).contains("prometheus.query.support-spanmetrics-connector=true", "namespace '' (its default)",
                "prometheus.query.normalize-calls=true", "prometheus.query.normalize-duration=true", "duration unit ms");
    }

    @Test
    void theExplanationSaysTheEmptyNamespaceVariableIsIgnored() {
        NameDerivation d = QueriedNames.derive(jaeger(Step06.bundled().jaegerImageTag("1.62.0").jaegerEnv("PROMETHEUS_QUERY_NAMESPACE", "")));

        assertThat(d.names().map(MetricNames::calls)).hasValue("traces_span_metrics_calls_total");
        assertThat(d.explain()).contains("namespace 'traces_span_metrics' (the empty PROMETHEUS_QUERY_NAMESPACE is ignored, so its default)");
    }

    @Test
    void aValueJaegerCannotParseFallsBackToTheDefaultAndSaysSo() {
        NameDerivation d = QueriedNames.derive(jaeger(Step06.bundled().jaegerEnv("PROMETHEUS_QUERY_NORMALIZE_CALLS", "yes")));

        assertThat(d.names().map(MetricNames::calls)).hasValue("calls");
        assertThat(d.explain()).contains("prometheus.query.normalize-calls='yes' is not a boolean Jaeger accepts",
                "prometheus.query.normalize-calls=false (default in 1.54.0)");
    }

    @Test
    void aJaegerWithoutAVersionTagHasUnknownNames() {
        NameDerivation d = QueriedNames.derive(jaeger(Step06.bundled().jaegerImageTag("latest")));

        assertThat(d.names()).isEmpty();
        assertThat(d.explain()).contains("no version tag");
    }
}
