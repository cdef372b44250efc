package org.oteltutorial.harness.stack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.tutorial.Step06;

class JaegerLaunchTest {

    private static final List<String> PORT_FLAGS = List.of("query.http-server.host-port", "query.grpc-server.host-port",
            "admin.http.host-port", "collector.grpc-server.host-port", "collector.http-server.host-port",
            "collector.otlp.grpc.host-port", "collector.otlp.http.host-port", "collector.zipkin.host-port", "http-server.host-port",
            "processor.jaeger-compact.server-host-port", "processor.jaeger-binary.server-host-port",
            "processor.zipkin-compact.server-host-port");

    @TempDir
    Path dir;

    private static List<String> flag(LaunchSpec spec, String name) {
        return spec.command().stream().filter(a -> a.startsWith("--" + name + "=")).map(a -> a.substring(name.length() + 3)).toList();
    }

    @Test
    void everyServerMovesToALoopbackPort() {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled());

        LaunchSpec spec = stack.jaegerLaunch.prepare(LocalStackFixture.JAEGER, dir);

        Set<String> addresses = new HashSet<>();
        for (String name : PORT_FLAGS) {
            assertThat(flag(spec, name)).as(name).hasSize(1).allSatisfy(v -> assertThat(v).startsWith("127.0.0.1:"));
            addresses.add(flag(spec, name).get(0));
        }
        assertThat(addresses).hasSameSizeAs(PORT_FLAGS);
        assertThat(flag(spec, "query.http-server.host-port"))
                .containsExactly("127.0.0.1:" + stack.ports.port(stack.jaeger.workload(), 16686));
        assertThat(stack.jaegerLaunch.query()).isEqualTo(URI.create("http://" + flag(spec, "query.http-server.host-port").get(0)));
        assertThat(spec.readiness()).isEqualTo(URI.create("http://" + flag(spec, "admin.http.host-port").get(0) + "/"));
        assertThat(flag(spec, "reporter.grpc.host-port")).containsExactly(flag(spec, "collector.grpc-server.host-port").get(0));
        assertThat(spec.command().get(0)).isEqualTo(LocalStackFixture.JAEGER.toString());
    }

    @Test
    void prometheusServerUrlDialsPrometheusLocalPort() {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled());
        stack.prometheusLaunch.prepare(LocalStackFixture.PROMETHEUS, dir.resolve("prometheus"));

        LaunchSpec spec = stack.jaegerLaunch.prepare(LocalStackFixture.JAEGER, dir.resolve("jaeger"));

        // http://prometheus.observability-backend is the Service's port 80, i.e. container port 9090
        assertThat(flag(spec, "prometheus.server-url")).containsExactly(stack.prometheusLaunch.api().toString());
        assertThat(spec.env()).doesNotContainKey("PROMETHEUS_SERVER_URL")
                .containsEntry("METRICS_STORAGE_TYPE", "prometheus")
                .containsEntry("PROMETHEUS_QUERY_NORMALIZE_CALLS", "true")
                .containsEntry("PROMETHEUS_QUERY_NORMALIZE_DURATION", "true")
                .containsEntry("SPAN_STORAGE_TYPE", "memory")
                .containsEntry("OTEL_TRACES_SAMPLER", "always_off")
                .doesNotContainKey("COLLECTOR_ZIPKIN_HOST_PORT");
    }

    @Test
    void theSamplingStrategiesFileComesFromTheConfigMap() throws IOException {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled());

        LaunchSpec spec = stack.jaegerLaunch.prepare(LocalStackFixture.JAEGER, dir);

        assertThat(flag(spec, "sampling.strategies-file")).containsExactly(dir.resolve("sampling.json").toString());
        assertThat(Files.readString(dir.resolve("sampling.json"))).isEqualTo("{\"default_strategy\":{\"param\":1,\"type\":\"probabilistic\"}}");
    }

    @Test
    void aSamplingStrategiesFileGivenAsTwoArgumentsIsLocalizedToo() throws IOException {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled().replace("backend.yaml",
                "            - --sampling.strategies-file=/etc/jaeger/sampling/sampling.json\n",
                "            - --sampling.strategies-file\n            - /etc/jaeger/sampling/sampling.json\n"));

        LaunchSpec spec = stack.jaegerLaunch.prepare(LocalStackFixture.JAEGER, dir);

        int at = spec.command().indexOf("--sampling.strategies-file");
        assertThat(at).isPositive();
        assertThat(spec.command().get(at + 1)).isEqualTo(dir.resolve("sampling.json").toString());
        assertThat(spec.command()).doesNotContain("/etc/jaeger/sampling/sampling.json");
        assertThat(Files.exists(dir.resolve("sampling.json"))).isTrue();
    }

    @Test
    void portFlagsAndTheServerUrlFromTheManifestsAreReplacedNotRepeated() {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled().replace("backend.yaml",
                "            - --sampling.strategies-file=/etc/jaeger/sampling/sampling.json\n",
                "            - --sampling.strategies-file=/etc/jaeger/sampling/sampling.json\n"
                        + "            - --query.http-server.host-port=:16686\n"
                        + "            - --prometheus.server-url=http://prometheus.observability-backend.svc:80\n"));

        LaunchSpec spec = stack.jaegerLaunch.prepare(LocalStackFixture.JAEGER, dir);

        assertThat(flag(spec, "query.http-server.host-port")).hasSize(1).allSatisfy(v -> assertThat(v).startsWith("127.0.0.1:"));
        assertThat(flag(spec, "prometheus.server-url")).containsExactly(
                "http://127.0.0.1:" + stack.ports.port(stack.prometheus.workload(), 9090));
    }

    @Test
    void aPrometheusServerUrlThatWouldNotResolveFailsNamingItAndWhy() {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled().replace("backend.yaml",
                "value: http://prometheus.observability-backend\n", "value: http://prometheus.observability\n"));

        assertThatThrownBy(() -> stack.jaegerLaunch.prepare(LocalStackFixture.JAEGER, dir))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("PROMETHEUS_SERVER_URL")
                .hasMessageContaining("http://prometheus.observability")
                .hasMessageContaining("would not resolve in the cluster")
                .hasMessageContaining("no Service observability/prometheus");
    }

    @Test
    void withoutSpmThereIsNoServerUrl() {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled().replace("backend.yaml",
                "            - name: METRICS_STORAGE_TYPE\n              value: prometheus\n", ""));

        LaunchSpec spec = stack.jaegerLaunch.prepare(LocalStackFixture.JAEGER, dir);

        assertThat(flag(spec, "prometheus.server-url")).isEmpty();
    }
}
