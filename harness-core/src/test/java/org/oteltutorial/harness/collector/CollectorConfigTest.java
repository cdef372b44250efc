package org.oteltutorial.harness.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CollectorConfigTest {

    /** The step-06 config (backend/06-collector.yaml), plus an extension. */
    private static final String STEP06 = """
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: 0.0.0.0:4317
                  http:
                    endpoint: 0.0.0.0:4318
            processors:
              tail_sampling:
                decision_wait: 10s
            exporters:
              otlp/traces:
                endpoint: jaeger-collector:4317
              otlphttp/metrics:
                endpoint: http://prometheus.observability-backend.svc.cluster.local:80/api/v1/otlp/
              debug:
                verbosity: detailed
            connectors:
              spanmetrics:
            extensions:
              health_check: {}
            service:
              extensions: [health_check]
              pipelines:
                traces:
                  receivers: [otlp]
                  processors: [tail_sampling]
                  exporters: [otlp/traces]
                traces/spanmetrics:
                  receivers: [otlp]
                  exporters: [spanmetrics]
                metrics:
                  receivers: [otlp, spanmetrics]
                  exporters: [otlphttp/metrics]
                logs:
                  receivers: [otlp]
                  exporters: [debug]
            """;

    private static final CollectorConfig CONFIG = CollectorConfig.parse(STEP06);
    private static final ComponentId SPANMETRICS = ComponentId.parse("spanmetrics");

    @Test
    void readsComponentsPerSection() {
        assertThat(CONFIG.defined(ComponentRole.RECEIVER).keySet()).containsExactly(ComponentId.parse("otlp"));
        assertThat(CONFIG.defined(ComponentRole.EXPORTER).keySet()).extracting(ComponentId::toString)
                .containsExactly("otlp/traces", "otlphttp/metrics", "debug");
        assertThat(CONFIG.isDefined(ComponentRole.CONNECTOR, SPANMETRICS)).isTrue();
        assertThat(CONFIG.isDefined(ComponentRole.EXPORTER, SPANMETRICS)).isFalse();
        assertThat(CONFIG.settings(ComponentRole.EXPORTER, ComponentId.parse("otlp/traces")).path("endpoint").asString())
                .isEqualTo("jaeger-collector:4317");
        assertThat(CONFIG.text()).isEqualTo(STEP06);
    }

    @Test
    void aComponentWithoutSettingsHasAMissingNode() {
        assertThat(CONFIG.settings(ComponentRole.CONNECTOR, SPANMETRICS).isMissingNode()).isTrue();
        assertThat(CONFIG.settings(ComponentRole.CONNECTOR, ComponentId.parse("nope")).isMissingNode()).isTrue();
        assertThat(CONFIG.settings(ComponentRole.CONNECTOR, SPANMETRICS).path("namespace").isMissingNode()).isTrue();
    }

    @Test
    void readsPipelinesWithTheirSignals() {
        assertThat(CONFIG.pipelines()).extracting(Pipeline::id).containsExactly("traces", "traces/spanmetrics", "metrics", "logs");
        assertThat(CONFIG.pipeline("traces/spanmetrics")).hasValueSatisfying(p -> {
            assertThat(p.signal()).isEqualTo(Signal.TRACES);
            assertThat(p.receivers()).containsExactly(ComponentId.parse("otlp"));
            assertThat(p.processors()).isEmpty();
            assertThat(p.exporters()).containsExactly(SPANMETRICS);
        });
        assertThat(CONFIG.pipeline("metrics")).map(Pipeline::signal).hasValue(Signal.METRICS);
        assertThat(CONFIG.pipeline("nope")).isEmpty();
    }

    @Test
    void answersWhichPipelinesUseAComponent() {
        assertThat(CONFIG.connectorsOfType("spanmetrics")).containsExactly(SPANMETRICS);
        assertThat(CONFIG.connectorsOfType("servicegraph")).isEmpty();
        assertThat(CONFIG.pipelinesExportingTo(SPANMETRICS)).extracting(Pipeline::id).containsExactly("traces/spanmetrics");
        assertThat(CONFIG.pipelinesReceivingFrom(SPANMETRICS)).extracting(Pipeline::id).containsExactly("metrics");
        assertThat(CONFIG.references(CONFIG.pipeline("traces").orElseThrow()))
                .containsExactly(Map.entry(ComponentRole.RECEIVER, ComponentId.parse("otlp")),
                        Map.entry(ComponentRole.PROCESSOR, ComponentId.parse("tail_sampling")),
                        Map.entry(ComponentRole.EXPORTER, ComponentId.parse("otlp/traces")));
        assertThat(CONFIG.extensionsInUse()).containsExactly(ComponentId.parse("health_check"));
    }

    @Test
    void aMinimalConfigHasEmptySectionsNotNulls() {
        CollectorConfig c = CollectorConfig.parse("receivers:\nexporters: {debug: }\n");

        assertThat(c.defined(ComponentRole.PROCESSOR)).isEmpty();
        assertThat(c.defined(ComponentRole.RECEIVER)).isEmpty();
        assertThat(c.pipelines()).isEmpty();
        assertThat(c.extensionsInUse()).isEmpty();
    }

    @Test
    void notYamlNamesTheConfigLine() {
        assertThatThrownBy(() -> CollectorConfig.parse("receivers:\n  otlp: {protocols: {grpc: {}}\nexporters: {}\n"))
                .isInstanceOf(CollectorConfigException.class).hasMessageStartingWith("not valid YAML at config line 2: ");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "   \n", "# only a comment\n"})
    void anEmptyConfigIsRejected(String text) {
        assertThatThrownBy(() -> CollectorConfig.parse(text)).isInstanceOf(CollectorConfigException.class).hasMessage("the config is empty");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"just text", "- receivers\n- exporters\n", "42"})
    void aConfigThatIsNotAMappingIsRejected(String text) {
        assertThatThrownBy(() -> CollectorConfig.parse(text)).isInstanceOf(CollectorConfigException.class)
                .hasMessageContaining("not a mapping");
    }

    @Test
    void aPipelineOfAnUnknownSignalIsRejected() {
        assertThatThrownBy(() -> CollectorConfig.parse("service:\n  pipelines:\n    spans/x: {receivers: [otlp]}\n"))
                .isInstanceOf(CollectorConfigException.class).hasMessage("pipeline spans/x: unknown signal 'spans' (traces, metrics or logs)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            service: {pipelines: {metrics: {receivers: [otlp, {spanmetrics: x}], exporters: [debug]}}} | pipeline metrics receivers: '{"spanmetrics":"x"}' is not a component id
            service: {pipelines: {traces: {receivers: [otlp], exporters: [[debug]]}}}                  | pipeline traces exporters: '["debug"]' is not a component id
            service: {pipelines: {traces: {receivers: [otlp], processors: [null]}}}                    | pipeline traces processors: 'null' is not a component id
            service: {extensions: [{health_check: {}}]}                                                 | service.extensions: '{"health_check":{}}' is not a component id
            """)
    void aPipelineEntryThatIsNotAnIdIsRejectedNotACrash(String text, String message) {
        assertThatThrownBy(() -> CollectorConfig.parse(text)).isInstanceOf(CollectorConfigException.class).hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"otlp, otlp, ''", "otlphttp/metrics, otlphttp, metrics", "otlp/a/b, otlp, a/b", "' spanmetrics ', spanmetrics, ''"})
    void componentIdsAreTypeAndOptionalName(String text, String type, String name) {
        ComponentId id = ComponentId.parse(text);

        assertThat(id.type()).isEqualTo(type);
        assertThat(id.name()).isEqualTo(name);
        assertThat(id.toString()).isEqualTo(text.trim());
    }

    @Test
    void signalsParseIgnoringCase() {
        assertThat(Signal.parse("Traces")).hasValue(Signal.TRACES);
        assertThat(Signal.parse("metrics")).hasValue(Signal.METRICS);
        assertThat(Signal.parse("profiles")).isEmpty();
        assertThat(Signal.LOGS.id()).isEqualTo("logs");
    }
}
