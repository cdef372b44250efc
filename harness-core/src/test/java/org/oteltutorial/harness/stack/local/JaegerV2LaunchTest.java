package org.oteltutorial.harness.stack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;
import tools.jackson.databind.JsonNode;

/** Jaeger v2's config from its ConfigMap, rewritten for loopback, on the project's v2 backend fixture. */
class JaegerV2LaunchTest {

    private static final Path BINARY = Path.of("/opt/bin/jaeger");
    private static final Step06 TODAY = Step06.bundled().collectorImageTag("0.161.0")
            .with(Step06.BACKEND, Step06.resource("lint/jaeger-v2-backend.yaml"));

    private static PortPlan ports(StackModel model) {
        return new PortPlan(Topology.of(model), Set.of(model.collector().orElseThrow().workload().describe(),
                model.prometheus().orElseThrow().workload().describe(), model.jaeger().orElseThrow().workload().describe()));
    }

    @Test
    void everyServerListensOnLoopbackAndThePrometheusBackendDialsTheLocalPrometheus(@TempDir Path dir) {
        StackModel model = TODAY.model();
        PortPlan ports = ports(model);
        JaegerModel jaeger = model.jaeger().orElseThrow();
        JaegerV2Launch launch = new JaegerV2Launch(jaeger, ports);

        LaunchSpec spec = launch.prepare(BINARY, dir);

        assertThat(spec.command()).containsExactly(BINARY.toString(), "--config=" + dir.resolve("jaeger-config.yaml"));
        JsonNode config = LocalStackFixture.yaml(dir.resolve("jaeger-config.yaml"));
        JsonNode protocols = config.path("receivers").path("otlp").path("protocols");
        assertThat(protocols.path("grpc").path("endpoint").asString()).isEqualTo(ports.listen(jaeger.workload(), 4317));
        assertThat(protocols.path("http").path("endpoint").asString()).isEqualTo(ports.listen(jaeger.workload(), 4318));
        JsonNode prometheus = config.path("extensions").path("jaeger_storage").path("metric_backends").path("promstore").path("prometheus");
        assertThat(prometheus.path("endpoint").asString())
                .isEqualTo("http://" + ports.listen(model.prometheus().orElseThrow().workload(), 9090));
        assertThat(prometheus.path("normalize_calls").asBoolean()).isTrue();
        JsonNode query = config.path("extensions").path("jaeger_query");
        assertThat(query.path("enable_tracing").asBoolean()).isFalse();
        assertThat(query.path("http").path("endpoint").asString()).isEqualTo(ports.listen(jaeger.workload(), 16686));
        assertThat(launch.query().toString()).isEqualTo("http://" + ports.listen(jaeger.workload(), 16686));
        assertThat(spec.readiness().toString()).isEqualTo("http://" + ports.listen(jaeger.workload(), 13133) + "/status");
        assertThat(config.path("extensions").path("healthcheckv2").path("http").path("endpoint").asString())
                .isEqualTo(ports.listen(jaeger.workload(), 13133));
        JsonNode reader = config.path("service").path("telemetry").path("metrics").path("readers").get(0).path("pull").path("exporter")
                .path("prometheus");
        assertThat(reader.path("host").asString()).isEqualTo("127.0.0.1");
        assertThat(reader.path("port").asInt()).isEqualTo(ports.port(jaeger.workload(), 8888));
    }

    @Test
    void withTheV1FlagsItRunsAsThePodWouldSoItsOwnErrorIsTheEvidence(@TempDir Path dir) {
        StackModel model = Step06.bundled().replace(Step06.BACKEND, "jaegertracing/all-in-one:1.54.0", "jaegertracing/jaeger:2.13.0").model();

        LaunchSpec spec = new JaegerV2Launch(model.jaeger().orElseThrow(), ports(model)).prepare(BINARY, dir);

        assertThat(spec.command()).containsExactly(BINARY.toString(), "--sampling.strategies-file=/etc/jaeger/sampling/sampling.json");
    }

    @Test
    void withoutAConfigTheLaunchSaysWhatIsMissing(@TempDir Path dir) {
        StackModel model = Step06.bundled().replace(Step06.BACKEND, "jaegertracing/all-in-one:1.54.0", "jaegertracing/jaeger:2.13.0")
                .jaegerArgs("--config=/nowhere/config.yaml")
                .replace(Step06.BACKEND, "            - --sampling.strategies-file=/etc/jaeger/sampling/sampling.json\n", "").model();

        assertThatThrownBy(() -> new JaegerV2Launch(model.jaeger().orElseThrow(), ports(model)).prepare(BINARY, dir))
                .isInstanceOf(StackStartException.class).hasMessageContaining("needs a YAML config from a ConfigMap");
    }

    @Test
    void anEndpointThatWouldNotResolveFailsTheStart(@TempDir Path dir) {
        StackModel model = TODAY.replace(Step06.BACKEND, "endpoint: http://prometheus.observability-backend",
                "endpoint: http://prometheus.monitoring").model();

        assertThatThrownBy(() -> new JaegerV2Launch(model.jaeger().orElseThrow(), ports(model)).prepare(BINARY, dir))
                .isInstanceOf(StackStartException.class).hasMessageContaining("Jaeger prometheus.endpoint http://prometheus.monitoring");
    }
}
