package org.oteltutorial.harness.stack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.tutorial.Step06;
import tools.jackson.databind.JsonNode;

class PrometheusLaunchTest {

    @TempDir
    Path dir;

    @Test
    void replacesConfigStorageAndListenAddressAndKeepsTheOtherFlags() {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled());

        LaunchSpec spec = stack.prometheusLaunch.prepare(LocalStackFixture.PROMETHEUS, dir);

        String listen = "127.0.0.1:" + stack.ports.port(stack.prometheus.workload(), 9090);
        assertThat(spec.name()).isEqualTo("prometheus");
        assertThat(spec.command()).containsExactly(LocalStackFixture.PROMETHEUS.toString(),
                "--web.enable-remote-write-receiver",
                "--enable-feature=otlp-write-receiver",
                "--enable-feature=exemplar-storage",
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=" + listen);
        assertThat(spec.readiness()).isEqualTo(URI.create("http://" + listen + "/-/ready"));
        assertThat(stack.prometheusLaunch.api()).isEqualTo(URI.create("http://" + listen));
    }

    @Test
    void theConfigFromTheConfigMapScrapesThroughTheLocalPorts() {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled());

        stack.prometheusLaunch.prepare(LocalStackFixture.PROMETHEUS, dir);

        JsonNode config = LocalStackFixture.yaml(dir.resolve("prometheus.yml"));
        assertThat(config.path("global").path("scrape_interval").asString()).isEqualTo("15s");
        JsonNode job = config.path("scrape_configs").get(0);
        assertThat(job.path("job_name").asString()).isEqualTo("prometheus");
        // localhost:9090 inside the Prometheus pod is Prometheus itself
        assertThat(job.path("static_configs").get(0).path("targets").get(0).asString())
                .isEqualTo(stack.prometheusLaunch.api().getAuthority());
    }

    @Test
    void flagsWrittenAsTwoArgumentsKeepTheirValues() {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled().replace("backend.yaml",
                "            - --config.file=/etc/prometheus/prometheus.yml\n"
                        + "            - --storage.tsdb.path=/tmp/prometheus/metrics\n"
                        + "            - --web.enable-remote-write-receiver\n"
                        + "            - --enable-feature=otlp-write-receiver\n",
                "            - --config.file\n            - /etc/prometheus/prometheus.yml\n"
                        + "            - --storage.tsdb.path\n            - /tmp/prometheus/metrics\n"
                        + "            - --web.enable-remote-write-receiver\n"
                        + "            - --enable-feature\n            - otlp-write-receiver\n"));

        LaunchSpec spec = stack.prometheusLaunch.prepare(LocalStackFixture.PROMETHEUS, dir);

        assertThat(spec.command()).containsExactly(LocalStackFixture.PROMETHEUS.toString(),
                "--web.enable-remote-write-receiver",
                "--enable-feature", "otlp-write-receiver",
                "--enable-feature=exemplar-storage",
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=" + stack.prometheusLaunch.api().getAuthority());
    }

    @Test
    void theBinaryNamedByTheContainerCommandIsNotPassedOn() {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled().replace("backend.yaml",
                "          args:\n            - --config.file=/etc/prometheus/prometheus.yml\n",
                "          command: [/bin/prometheus]\n          args:\n            - --config.file=/etc/prometheus/prometheus.yml\n"));

        LaunchSpec spec = stack.prometheusLaunch.prepare(LocalStackFixture.PROMETHEUS, dir);

        assertThat(spec.command()).doesNotContain("/bin/prometheus").startsWith(LocalStackFixture.PROMETHEUS.toString(),
                "--web.enable-remote-write-receiver");
    }

    @Test
    void aConfigFileOutsideAnyConfigMapCannotStart() {
        LocalStackFixture stack = new LocalStackFixture(Step06.bundled().replace("backend.yaml",
                "--config.file=/etc/prometheus/prometheus.yml", "--config.file=/etc/other/prometheus.yml"));

        assertThatThrownBy(() -> stack.prometheusLaunch.prepare(LocalStackFixture.PROMETHEUS, dir))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("observability-backend/prometheus")
                .hasMessageContaining("--config.file is not in a ConfigMap");
    }
}
