package org.oteltutorial.harness.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oteltutorial.harness.tutorial.Version;

class VersionFactsTest {

    @ParameterizedTest(name = "{0} {1} at {2} = ''{3}''")
    @CsvSource(delimiter = '|', textBlock = """
            COLLECTOR_CONTRIB | spanmetrics.namespace                           | 0.94.0   | ''
            COLLECTOR_CONTRIB | spanmetrics.namespace                           | 0.108.99 | ''
            COLLECTOR_CONTRIB | spanmetrics.namespace                           | 0.109.0  | traces.span.metrics
            COLLECTOR_CONTRIB | spanmetrics.histogram.unit                      | 0.94.0   | ms
            JAEGER            | prometheus.query.namespace                      | 1.54.0   | ''
            JAEGER            | prometheus.query.namespace                      | 1.61.9   | ''
            JAEGER            | prometheus.query.namespace                      | 1.62.0   | traces_span_metrics
            JAEGER            | prometheus.query.support-spanmetrics-connector | 1.48.0   | false
            JAEGER            | prometheus.query.support-spanmetrics-connector | 1.49.0   | true
            JAEGER            | prometheus.query.support-spanmetrics-connector | 1.57.9   | true
            JAEGER            | prometheus.query.support-spanmetrics-connector | 1.58.0   | <removed>
            JAEGER            | prometheus.query.normalize-calls                | 1.46.0   | <absent>
            JAEGER            | prometheus.query.normalize-calls                | 1.47.0   | false
            JAEGER            | prometheus.query.duration-unit                  | 1.54.0   | ms
            PROMETHEUS        | otlp.receiver.flag                              | 2.46.9   | <absent>
            PROMETHEUS        | otlp.receiver.flag                              | 2.47.0   | --enable-feature=otlp-write-receiver
            PROMETHEUS        | otlp.receiver.flag                              | 2.55.1   | --enable-feature=otlp-write-receiver
            PROMETHEUS        | otlp.receiver.flag                              | 3.0.0    | --web.enable-otlp-receiver
            PROMETHEUS        | otlp.metric.suffixes                            | 2.47.2   | always
            PROMETHEUS        | otlp.metric.suffixes                            | 3.0.0    | UnderscoreEscapingWithSuffixes
            PROMETHEUS        | otlp.receiver.flag                              | 3.16.0   | --web.enable-otlp-receiver
            COLLECTOR_CONTRIB | spanmetrics.type                                | 0.150.0  | spanmetrics
            COLLECTOR_CONTRIB | spanmetrics.type                                | 0.151.0  | span_metrics
            COLLECTOR_CONTRIB | exporter.otlp.type                              | 0.143.0  | otlp
            COLLECTOR_CONTRIB | exporter.otlp.type                              | 0.144.0  | otlp_grpc
            COLLECTOR_CONTRIB | exporter.otlphttp.type                          | 0.143.0  | otlphttp
            COLLECTOR_CONTRIB | exporter.otlphttp.type                          | 0.161.0  | otlp_http
            COLLECTOR_CONTRIB | spanmetrics.namespace                           | 0.161.0  | traces.span.metrics
            COLLECTOR_CONTRIB | spanmetrics.metrics_flush_interval              | 0.161.0  | 60s
            COLLECTOR_CONTRIB | connector.spanmetrics.useSecondAsDefaultMetricsUnit | 0.161.0 | alpha (off)
            COLLECTOR_CONTRIB | connector.spanmetrics.legacyMetricNames         | 0.161.0  | alpha (off)
            COLLECTOR_CONTRIB | spanmetrics.statusCodeConvention.useOtelPrefix  | 0.161.0  | alpha (off)
            COLLECTOR_CONTRIB | connector.spanmetrics.includeCollectorInstanceID | 0.161.0 | beta (on)
            JAEGER            | jaeger.spm.config                               | 1.76.0   | flags/env
            COLLECTOR_CONTRIB | service.telemetry.metrics                       | 0.110.0  | address
            COLLECTOR_CONTRIB | service.telemetry.metrics                       | 0.161.0  | readers
            JAEGER            | jaeger.spm.config                               | 2.0.0    | yaml
            JAEGER            | sampling.strategies-file                        | 1.54.0   | accepted
            JAEGER            | sampling.strategies-file                        | 2.13.0   | <removed>
            JAEGER            | api.metrics.minstep                             | 2.17.9   | served
            JAEGER            | api.metrics.minstep                             | 2.18.0   | <removed>
            JAEGER            | prometheus.query.namespace                      | 2.13.0   | traces_span_metrics
            JAEGER            | prometheus.query.normalize-calls                | 2.13.0   | false
            JAEGER            | prometheus.query.duration-unit                  | 2.13.0   | ms
            """)
    void theRowInForceIsTheLatestNotAfterTheVersion(Program program, String setting, String version, String value) {
        assertThat(VersionFacts.value(program, setting, Version.of(version))).isEqualTo(value);
    }

    @Test
    void aVersionBeforeEveryRowHasNoFact() {
        assertThat(VersionFacts.lookup(Program.PROMETHEUS, VersionFacts.PROMETHEUS_OTLP_SUFFIXES, Version.of("2.45.0"))).isEmpty();
        assertThatThrownBy(() -> VersionFacts.value(Program.PROMETHEUS, VersionFacts.PROMETHEUS_OTLP_SUFFIXES, Version.of("2.45.0")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("otlp.metric.suffixes");
    }

    @Test
    void aFeatureGateTheTableHasNotSeenAtAnOlderCollectorHasNoFact() {
        assertThat(VersionFacts.lookup(Program.COLLECTOR_CONTRIB, VersionFacts.GATE_OTEL_STATUS, Version.of("0.94.0"))).isEmpty();
    }

    @Test
    void everyRowSaysWhereItComesFrom() {
        assertThat(VersionFacts.table()).isNotEmpty().allSatisfy(f -> assertThat(f.source()).isNotBlank());
    }
}
