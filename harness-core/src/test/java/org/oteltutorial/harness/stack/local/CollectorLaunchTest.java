package org.oteltutorial.harness.stack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.tutorial.Step06;
import tools.jackson.databind.JsonNode;

class CollectorLaunchTest {

    @TempDir
    Path dir;

    private final LocalStackFixture stack = new LocalStackFixture(Step06.bundled());

    private JsonNode render(LocalStackFixture fixture, LaunchSpec[] spec) {
        spec[0] = fixture.collectorLaunch.prepare(LocalStackFixture.OTELCOL, dir.resolve("collector"));
        return LocalStackFixture.yaml(dir.resolve("collector/collector-config.yaml"));
    }

    @Test
    void receiversListenOnLoopbackPortsOfTheCollector() {
        LaunchSpec[] spec = new LaunchSpec[1];
        JsonNode config = render(stack, spec);

        JsonNode protocols = config.path("receivers").path("otlp").path("protocols");
        String grpc = "127.0.0.1:" + stack.ports.port(stack.collector.workload(), 4317);
        String http = "127.0.0.1:" + stack.ports.port(stack.collector.workload(), 4318);
        assertThat(protocols.path("grpc").path("endpoint").asString()).isEqualTo(grpc);
        assertThat(protocols.path("http").path("endpoint").asString()).isEqualTo(http);
        assertThat(grpc).isNotEqualTo("127.0.0.1:4317");
        assertThat(stack.collectorLaunch.otlpGrpc()).isEqualTo(grpc);
        assertThat(stack.collectorLaunch.otlpHttp()).isEqualTo(URI.create("http://" + http));
        assertThat(spec[0].name()).isEqualTo("collector");
        assertThat(spec[0].command()).containsExactly(LocalStackFixture.OTELCOL.toString(),
                "--config=" + dir.resolve("collector/collector-config.yaml"));
    }

    @Test
    void exportersDialThePortsThePlanGaveJaegerAndPrometheus() {
        JsonNode config = render(stack, new LaunchSpec[1]);
        LaunchSpec prometheus = stack.prometheusLaunch.prepare(LocalStackFixture.PROMETHEUS, dir.resolve("prometheus"));
        LaunchSpec jaeger = stack.jaegerLaunch.prepare(LocalStackFixture.JAEGER, dir.resolve("jaeger"));

        JsonNode exporters = config.path("exporters");
        int jaegerOtlp = stack.ports.port(stack.jaeger.workload(), 4317);
        assertThat(exporters.path("otlp/traces").path("endpoint").asString()).isEqualTo("127.0.0.1:" + jaegerOtlp);
        assertThat(jaeger.command()).contains("--collector.otlp.grpc.host-port=127.0.0.1:" + jaegerOtlp);
        // the Service port 80 leads to container port 9090; the path of the OTLP receiver stays
        String metrics = exporters.path("otlphttp/metrics").path("endpoint").asString();
        assertThat(metrics).isEqualTo(stack.prometheusLaunch.api() + "/api/v1/otlp/");
        assertThat(prometheus.command()).contains("--web.listen-address=" + stack.prometheusLaunch.api().getAuthority());
        // everything else about the exporters is kept
        assertThat(exporters.path("otlp/traces").path("tls").path("insecure").asBoolean()).isTrue();
        assertThat(exporters.path("debug").path("verbosity").asString()).isEqualTo("detailed");
    }

    @Test
    void aHealthCheckExtensionTellsWhenTheCollectorIsReady() {
        LaunchSpec[] spec = new LaunchSpec[1];
        JsonNode config = render(stack, spec);

        String health = config.path("extensions").path("health_check").path("endpoint").asString();
        assertThat(health).startsWith("127.0.0.1:");
        List<String> extensions = new ArrayList<>();
        config.path("service").path("extensions").forEach(e -> extensions.add(e.asString()));
        assertThat(extensions).containsExactly("health_check");
        assertThat(spec[0].readiness()).isEqualTo(URI.create("http://" + health + "/"));
        assertThat(config.path("service").path("telemetry").path("metrics").path("address").asString()).startsWith("127.0.0.1:");
    }

    @Test
    void fromCollector0111ItsTelemetryMovesThroughAPullReaderAndItsFeatureGatesArePassed() {
        LocalStackFixture today = new LocalStackFixture(Step06.bundled()
                .replace("collector.yaml", "opentelemetry-collector-contrib:0.94.0", "opentelemetry-collector-contrib:0.161.0")
                .replace("collector.yaml", "  mode: deployment\n",
                        "  mode: deployment\n  args:\n    feature-gates: -connector.spanmetrics.legacyMetricNames\n"));
        LaunchSpec[] spec = new LaunchSpec[1];
        JsonNode metrics = render(today, spec).path("service").path("telemetry").path("metrics");

        assertThat(metrics.has("address")).isFalse();
        JsonNode reader = metrics.path("readers").get(0).path("pull").path("exporter").path("prometheus");
        assertThat(reader.path("host").asString()).isEqualTo("127.0.0.1");
        assertThat(reader.path("port").asInt()).isEqualTo(today.ports.port(today.collector.workload(), 8888));
        assertThat(spec[0].command()).endsWith("--feature-gates=-connector.spanmetrics.legacyMetricNames");
    }

    @Test
    void everyAddressIsADistinctLoopbackPort() {
        render(stack, new LaunchSpec[1]);
        stack.prometheusLaunch.prepare(LocalStackFixture.PROMETHEUS, dir.resolve("prometheus"));
        stack.jaegerLaunch.prepare(LocalStackFixture.JAEGER, dir.resolve("jaeger"));

        assertThat(new HashSet<>(stack.ports.mappings().values())).hasSameSizeAs(stack.ports.mappings().values());
        assertThat(stack.ports.mappings()).containsKeys(stack.collector.workload().describe() + ":4317",
                stack.collector.workload().describe() + ":" + CollectorLaunch.HEALTH_PORT,
                stack.prometheus.workload().describe() + ":9090", stack.jaeger.workload().describe() + ":16686");
    }

    @Test
    void pipelinesAndProcessorsAreKept() {
        JsonNode config = render(stack, new LaunchSpec[1]);

        assertThat(config.path("processors").path("tail_sampling").path("decision_wait").asString()).isEqualTo("10s");
        assertThat(config.path("service").path("pipelines").path("traces/spanmetrics").path("exporters").get(0).asString())
                .isEqualTo("spanmetrics");
        assertThat(config.path("connectors").has("spanmetrics")).isTrue();
    }

    @Test
    void protocolsWithoutSettingsGetTheirDefaultPortOnLoopback() {
        LocalStackFixture bare = new LocalStackFixture(Step06.bundled().replace("collector.yaml",
                "          grpc:\n            endpoint: 0.0.0.0:4317\n          http:\n            endpoint: 0.0.0.0:4318\n",
                "          grpc:\n          http:\n"));

        JsonNode config = render(bare, new LaunchSpec[1]);

        JsonNode protocols = config.path("receivers").path("otlp").path("protocols");
        assertThat(protocols.path("grpc").path("endpoint").asString())
                .isEqualTo("127.0.0.1:" + bare.ports.port(bare.collector.workload(), 4317));
        assertThat(protocols.path("http").path("endpoint").asString())
                .isEqualTo("127.0.0.1:" + bare.ports.port(bare.collector.workload(), 4318));
    }

    @Test
    void anExistingHealthCheckIsNotAddedTwice() {
        LocalStackFixture withHealth = new LocalStackFixture(Step06.bundled()
                .replace("collector.yaml", "    connectors:\n", "    extensions:\n      health_check:\n\n    connectors:\n")
                .replace("collector.yaml", "    service:\n", "    service:\n      extensions: [health_check]\n"));

        JsonNode config = render(withHealth, new LaunchSpec[1]);

        assertThat(config.path("service").path("extensions")).hasSize(1);
        assertThat(config.path("extensions").path("health_check").path("endpoint").asString()).startsWith("127.0.0.1:");
    }

    @Test
    void anExporterEndpointThatWouldNotResolveInTheClusterFailsNamingItAndWhy() {
        LocalStackFixture typo = new LocalStackFixture(Step06.bundled()
                .replace("collector.yaml", "endpoint: jaeger-collector:4317", "endpoint: jaeger-colector:4317"));

        assertThatThrownBy(() -> typo.collectorLaunch.prepare(LocalStackFixture.OTELCOL, dir))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("otlp/traces")
                .hasMessageContaining("jaeger-colector:4317")
                .hasMessageContaining("would not resolve in the cluster")
                .hasMessageContaining("no Service observability-backend/jaeger-colector");
        assertThat(Files.exists(dir.resolve("collector-config.yaml"))).isFalse();
    }

    @Test
    void anExporterToAPortTheServiceDoesNotHaveFails() {
        LocalStackFixture wrongPort = new LocalStackFixture(Step06.bundled()
                .replace("collector.yaml", "svc.cluster.local:80/api/v1/otlp/", "svc.cluster.local:9090/api/v1/otlp/"));

        assertThatThrownBy(() -> wrongPort.collectorLaunch.prepare(LocalStackFixture.OTELCOL, dir))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("otlphttp/metrics")
                .hasMessageContaining("prometheus.observability-backend.svc.cluster.local:9090")
                .hasMessageContaining("has no port 9090");
    }
}
