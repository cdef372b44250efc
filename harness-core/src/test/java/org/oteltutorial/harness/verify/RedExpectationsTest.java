package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.tutorial.Step06;

class RedExpectationsTest {

    private static final String CONNECTOR = "      spanmetrics:\n";

    private static RedExpectations withConnector(String settings) {
        return RedExpectations.of(Step06.bundled().replace("collector.yaml", CONNECTOR, CONNECTOR + settings).model());
    }

    @Test
    void bundledStep06() {
        RedExpectations expected = RedExpectations.of(Step06.bundled().model());

        assertThat(expected.prometheusNames()).isEqualTo(new MetricNames("calls_total", "duration_milliseconds"));
        assertThat(expected.jaegerNames()).contains(new MetricNames("calls_total", "duration_milliseconds"));
        assertThat(expected.boundsMs()).containsExactly(2d, 4d, 6d, 8d, 10d, 50d, 100d, 200d, 400d, 800d, 1000d, 1400d, 2000d,
                5000d, 10000d, 15000d);
        assertThat(expected.leScale()).isEqualTo(1);
        assertThat(expected.le(1400)).isEqualTo(1400);
        // collector-contrib 0.94.0 still flushed every 15 s (60 s from 0.98.0)
        assertThat(expected.flushInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(expected.sampling().keepsEveryError()).isTrue();
        assertThat(expected.prometheusDerivation()).isNotBlank();
        assertThat(expected.jaegerDerivation()).isNotBlank();
    }

    @Test
    void explicitBuckets() {
        RedExpectations expected = withConnector("        histogram:\n          explicit:\n            buckets: [5ms, 50ms, 1s]\n");

        assertThat(expected.boundsMs()).containsExactly(5d, 50d, 1000d);
    }

    @Test
    void bucketsBelowAMillisecond() {
        // the spanmetrics README's own example starts with 100us
        RedExpectations expected = withConnector("        histogram:\n          explicit:\n            buckets: [100us, 1ms, 250ms]\n");

        assertThat(expected.boundsMs()).containsExactly(0.1, 1d, 250d);
    }

    @Test
    void anExponentialHistogramHasNoBounds() {
        RedExpectations expected = withConnector("        histogram:\n          exponential:\n            max_size: 160\n");

        assertThat(expected.boundsMs()).isEmpty();
    }

    @Test
    void unitSecondsScalesTheLeLabels() {
        RedExpectations expected = withConnector("        histogram:\n          unit: s\n");

        assertThat(expected.leScale()).isEqualTo(0.001);
        assertThat(expected.le(2)).isEqualTo(0.002);
        assertThat(expected.prometheusNames()).isEqualTo(new MetricNames("calls_total", "duration_seconds"));
        assertThat(expected.boundsMs()).startsWith(2d, 4d).endsWith(15000d);
    }

    @Test
    void connectorNamespacePrefixesTheNames() {
        RedExpectations expected = withConnector("        namespace: traces.span.metrics\n");

        assertThat(expected.prometheusNames())
                .isEqualTo(new MetricNames("traces_span_metrics_calls_total", "traces_span_metrics_duration_milliseconds"));
        // Jaeger 1.54 still queries the names without a namespace
        assertThat(expected.jaegerNames()).contains(new MetricNames("calls_total", "duration_milliseconds"));
    }

    @Test
    void explicitFlushInterval() {
        assertThat(withConnector("        metrics_flush_interval: 2s\n").flushInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void defaultFlushIntervalFollowsTheCollectorVersion() {
        // spanmetrics factory.go: 15 s up to v0.97.0, 60 s from v0.98.0 (read from the module sources).
        RedExpectations at097 = RedExpectations.of(Step06.bundled()
                .replace("collector.yaml", "opentelemetry-collector-contrib:0.94.0", "opentelemetry-collector-contrib:0.97.0").model());
        RedExpectations at098 = RedExpectations.of(Step06.bundled()
                .replace("collector.yaml", "opentelemetry-collector-contrib:0.94.0", "opentelemetry-collector-contrib:0.98.0").model());

        assertThat(at097.flushInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(at098.flushInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jaegerWithoutNormalizationQueriesOtherNames() {
        RedExpectations expected = RedExpectations.of(Step06.bundled().replace("backend.yaml",
                "            - name: PROMETHEUS_QUERY_NORMALIZE_CALLS\n              value: \"true\"\n", "").model());

        assertThat(expected.jaegerNames().map(MetricNames::calls)).contains("calls");
        assertThat(expected.prometheusNames().calls()).isEqualTo("calls_total");
        assertThat(List.of(expected.jaegerDerivation())).isNotEmpty();
    }
}
