package org.oteltutorial.harness.stack.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEngineProbeTest {

    private static final String CAPS = "failed to create shim task: OCI runtime create failed: runc create failed: unable to start"
            + " container process: unable to apply caps: operation not permitted: unknown";
    private static final String ENTRYPOINT = "failed to create shim task: OCI runtime create failed: runc create failed: unable to start"
            + " container process: exec: \\\"/otel-tutorial-harness-probe\\\": stat /otel-tutorial-harness-probe: no such file or directory: unknown";

    @TempDir
    Path dir;

    @Test
    void aMissingSocketIsReportedWithoutWaiting() {
        DockerEngineProbe probe = new DockerEngineProbe(DockerHost.resolve(java.util.Map.of("DOCKER_HOST", "unix://" + dir.resolve("docker.sock")), dir));

        assertThatThrownBy(probe::engine)
                .isInstanceOf(DockerProbe.Unavailable.class)
                .hasMessage("there is no Docker socket at " + dir.resolve("docker.sock") + " (from DOCKER_HOST)");
    }

    @Test
    void readsTheEngineAndItsImagesOverTheSocket() throws IOException {
        try (FakeDockerEngine engine = new FakeDockerEngine(dir.resolve("docker.sock"))) {
            engine.on("GET /_ping", 200, "OK")
                    .on("GET /info", 200, "{\"ServerVersion\":\"20.10.24\",\"Name\":\"vm\",\"SecurityOptions\":[\"name=seccomp,profile=default\"]}")
                    .on("GET /images/rancher/k3s:v1.29.13-k3s1/json", 200, "{\"Id\":\"sha256:abc\"}")
                    .on("GET /distribution/testcontainers/ryuk", 500,
                            "{\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": dial tcp: lookup registry-1.docker.io: no such host\"}");
            DockerEngineProbe probe = new DockerEngineProbe(engine.host());

            assertThat(probe.engine()).isEqualTo(new DockerProbe.Engine("20.10.24", "vm", java.util.List.of("name=seccomp,profile=default")));
            assertThat(probe.hasImage("rancher/k3s:v1.29.13-k3s1")).isTrue();
            assertThat(probe.hasImage("testcontainers/ryuk:0.14.0")).isFalse();
            assertThat(probe.registryProblem("testcontainers/ryuk:0.14.0"))
                    .contains("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io: no such host");
        }
    }

    @Test
    void privilegedCheckReportsTheRuntimesRefusalAndCleansUp() throws IOException {
        try (FakeDockerEngine engine = new FakeDockerEngine(dir.resolve("docker.sock"))) {
            engine.on("POST /images/create", 200, "{\"status\":\"sha256:d603\"}")
                    .on("POST /containers/create", 201, "{\"Id\":\"c0ffee\",\"Warnings\":[]}")
                    .on("POST /containers/c0ffee/start", 500, "{\"message\":\"" + CAPS + "\"}")
                    .on("DELETE /", 204, "");

            Optional<String> problem = new DockerEngineProbe(engine.host()).privilegedProblem();

            assertThat(problem).contains(CAPS);
            assertThat(engine.requests).containsExactly(
                    "POST /images/create?fromSrc=-&repo=otel-tutorial-harness-probe&tag=empty",
                    "POST /containers/create",
                    "POST /containers/c0ffee/start",
                    "DELETE /containers/c0ffee?force=1&v=1",
                    "DELETE /images/otel-tutorial-harness-probe:empty?force=1");
        }
    }

    @Test
    void privilegedCheckPassesWhenOnlyTheMissingEntrypointStopsTheContainer() throws IOException {
        try (FakeDockerEngine engine = new FakeDockerEngine(dir.resolve("docker.sock"))) {
            engine.on("POST /images/create", 200, "{}").on("POST /containers/create", 201, "{\"Id\":\"c0ffee\"}")
                    .on("POST /containers/c0ffee/start", 400, "{\"message\":\"" + ENTRYPOINT + "\"}").on("DELETE /", 204, "");

            assertThat(new DockerEngineProbe(engine.host()).privilegedProblem()).isEmpty();
        }
    }

    @Test
    void startOutcomes() {
        assertThat(DockerEngineProbe.interpretStart(204, "")).isEmpty();
        assertThat(DockerEngineProbe.interpretStart(400, "exec: \"/x\": executable file not found in $PATH")).isEmpty();
        assertThat(DockerEngineProbe.interpretStart(500, "cgroups: cgroup mountpoint does not exist")).contains("cgroups: cgroup mountpoint does not exist");
    }
}
