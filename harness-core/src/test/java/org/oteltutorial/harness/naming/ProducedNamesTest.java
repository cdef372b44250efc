package org.oteltutorial.harness.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oteltutorial.harness.tutorial.Version;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ProducedNamesTest {

    private static final JsonNode NONE = MissingNode.getInstance();

    private static JsonNode yaml(String flow) {
        return YAMLMapper.builder().build().readTree(flow);
    }

    private static Optional<Version> v(String text) {
        return Optional.of(Version.of(text));
    }

    @Test
    void theTutorialChainGivesCallsTotalAndDurationMilliseconds() {
        NameDerivation d = ProducedNames.derive(v("0.94.0"), NONE, IngestPath.PROMETHEUS_OTLP_RECEIVER, NONE, v("2.47.2"), Optional.empty());

        assertThat(d.names()).hasValue(new MetricNames("calls_total", "duration_milliseconds"));
        assertThat(d.names().orElseThrow().durationBucket()).isEqualTo("duration_milliseconds_bucket");
        assertThat(d.names().orElseThrow().durationSum()).isEqualTo("duration_milliseconds_sum");
        assertThat(d.names().orElseThrow().durationCount()).isEqualTo("duration_milliseconds_count");
        assertThat(d.explain()).contains("collector 0.94.0: spanmetrics namespace '' (its default)", "histogram unit ms",
                "Prometheus 2.47.2 OTLP receiver: always adds unit and _total suffixes");
    }

    @Test
    void theDefaultNamespaceSince0109IsEscapedToUnderscores() {
        NameDerivation d = ProducedNames.derive(v("0.109.0"), NONE, IngestPath.PROMETHEUS_OTLP_RECEIVER, NONE, v("2.47.2"), Optional.empty());

        assertThat(d.names()).hasValue(new MetricNames("traces_span_metrics_calls_total", "traces_span_metrics_duration_milliseconds"));
        assertThat(d.explain()).contains("spanmetrics namespace 'traces.span.metrics' (its default)");
    }

    @Test
    void anExplicitNamespaceNeedsNoCollectorVersion() {
        NameDerivation d = ProducedNames.derive(Optional.empty(), yaml("{namespace: red}"), IngestPath.PROMETHEUS_OTLP_RECEIVER, NONE,
                v("2.47.2"), Optional.empty());

        assertThat(d.names()).hasValue(new MetricNames("red_calls_total", "red_duration_milliseconds"));
        assertThat(d.explain()).contains("spanmetrics namespace 'red' (set in the connector)");
    }

    @Test
    void withoutACollectorVersionTheDefaultNamespaceIsUnknown() {
        NameDerivation d = ProducedNames.derive(Optional.empty(), NONE, IngestPath.PROMETHEUS_OTLP_RECEIVER, NONE, v("2.47.2"), Optional.empty());

        assertThat(d.names()).isEmpty();
        assertThat(d.explain()).contains("collector image has no version tag");
    }

    @Test
    void withoutAPrometheusVersionTheTranslationIsUnknown() {
        NameDerivation d = ProducedNames.derive(v("0.94.0"), NONE, IngestPath.PROMETHEUS_OTLP_RECEIVER, NONE, Optional.empty(), Optional.empty());

        assertThat(d.names()).isEmpty();
        assertThat(d.explain()).contains("Prometheus image has no version tag");
    }

    @Test
    void aPrometheusWithoutOtlpReceiverHoldsNothing() {
        NameDerivation d = ProducedNames.derive(v("0.94.0"), NONE, IngestPath.PROMETHEUS_OTLP_RECEIVER, NONE, v("2.45.0"), Optional.empty());

        assertThat(d.names()).isEmpty();
        assertThat(d.explain()).contains("Prometheus 2.45.0 has no OTLP receiver");
    }

    @ParameterizedTest(name = "Prometheus {0} translation_strategy {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            3.0.0  | UnderscoreEscapingWithSuffixes | traces_span_metrics_calls_total | traces_span_metrics_duration_milliseconds
            3.0.0  | NoUTF8EscapingWithSuffixes     | traces.span.metrics.calls_total | traces.span.metrics.duration_milliseconds
            3.0.0  | NoTranslation                  | traces.span.metrics.calls       | traces.span.metrics.duration
            2.47.2 | NoTranslation                  | traces_span_metrics_calls_total | traces_span_metrics_duration_milliseconds
            """)
    void prometheus3AppliesItsConfiguredTranslationStrategy(String prometheus, String strategy, String calls, String duration) {
        NameDerivation d = ProducedNames.derive(v("0.110.0"), NONE, IngestPath.PROMETHEUS_OTLP_RECEIVER, NONE, v(prometheus),
                Optional.of(strategy));

        assertThat(d.names()).hasValue(new MetricNames(calls, duration));
    }

    @ParameterizedTest(name = "unit {0} -> {1}")
    @CsvSource({"ms, duration_milliseconds", "s, duration_seconds", "us, duration_microseconds"})
    void theHistogramUnitBecomesTheSuffix(String unit, String duration) {
        NameDerivation d = ProducedNames.derive(v("0.94.0"), yaml("{histogram: {unit: " + unit + "}}"), IngestPath.PROMETHEUS_OTLP_RECEIVER,
                NONE, v("2.47.2"), Optional.empty());

        assertThat(d.names().map(MetricNames::duration)).hasValue(duration);
        assertThat(d.explain()).contains("histogram unit " + unit);
    }

    @Test
    void remoteWriteAddsSuffixesAndTheExporterNamespaceUnlessToldNotTo() {
        assertThat(ProducedNames.derive(v("0.94.0"), NONE, IngestPath.PROMETHEUS_REMOTE_WRITE, NONE, v("2.47.2"), Optional.empty()).names())
                .hasValue(new MetricNames("calls_total", "duration_milliseconds"));
        assertThat(ProducedNames.derive(v("0.94.0"), NONE, IngestPath.PROMETHEUS_REMOTE_WRITE, yaml("{namespace: otel.red}"), v("2.47.2"),
                Optional.empty()).names()).hasValue(new MetricNames("otel_red_calls_total", "otel_red_duration_milliseconds"));
        assertThat(ProducedNames.derive(v("0.94.0"), NONE, IngestPath.PROMETHEUS_SCRAPE, yaml("{add_metric_suffixes: false}"), Optional.empty(),
                Optional.empty()).names()).hasValue(new MetricNames("calls", "duration"));
    }
}
