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
    void everyRowSaysWhereItComesFrom() {
        assertThat(VersionFacts.table()).isNotEmpty().allSatisfy(f -> assertThat(f.source()).isNotBlank());
    }
}
