package org.oteltutorial.harness.stack.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.StackModel;

class K3sStackProviderTest {

    @TempDir
    Path dir;

    @Test
    void withoutDockerTheEnvironmentCheckFailsWithinSecondsAndSaysWhy() {
        Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + dir.resolve("docker.sock"));
        K3sStackProvider provider = new K3sStackProvider(K3sOptions.defaults(), () -> new DockerEngineProbe(DockerHost.resolve(env, dir)),
                env, false, "laptop");
        long start = System.nanoTime();

        assertThatThrownBy(provider::checkEnvironment)
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("the k3s stack cannot run here: Docker is not reachable: there is no Docker socket at " + dir.resolve("docker.sock")
                        + " (from DOCKER_HOST). Start the Docker engine (e.g. `sudo dockerd`, Docker Desktop) or point DOCKER_HOST at one");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void dockerThatCannotRunPrivilegedContainersIsTheReasonGiven() throws IOException {
        try (FakeDockerEngine engine = new FakeDockerEngine(dir.resolve("docker.sock"))) {
            engine.on("GET /_ping", 200, "OK").on("GET /info", 200, "{\"ServerVersion\":\"20.10.24\",\"Name\":\"vm\",\"SecurityOptions\":[]}")
                    .on("GET /images/rancher/k3s", 200, "{}").on("POST /images/create", 200, "{}")
                    .on("POST /containers/create", 201, "{\"Id\":\"c1\"}")
                    .on("POST /containers/c1/start", 500, "{\"message\":\"runc create failed: unable to apply caps: operation not permitted\"}")
                    .on("DELETE /", 204, "");
            K3sStackProvider provider = new K3sStackProvider(K3sOptions.defaults(), () -> new DockerEngineProbe(engine.host()),
                    Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"), false, "laptop");

            assertThatThrownBy(provider::checkEnvironment)
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageStartingWith("the k3s stack cannot run here: Docker cannot start privileged containers, which k3s needs"
                            + " (the engine said: runc create failed: unable to apply caps: operation not permitted)");
        }
    }

    @Test
    void k3sRunsWithoutTraefikAndMetricsServerAndWithTheHostInItsCertificate() {
        assertThat(K3sOptions.defaults().serverCommand("localhost"))
                .containsExactly("server", "--disable=traefik", "--disable=metrics-server", "--tls-san=localhost");
        assertThat(K3sOptions.defaults().image()).isEqualTo("rancher/k3s:v1.29.13-k3s1");
    }

    @Test
    void pullPoliciesComeFromTheManifests() {
        Map<String, String> policies = K3sStackProvider.pullPolicies(StackModel.from(new ManifestLoader().bundled()));

        assertThat(policies).containsEntry(
                "ghcr.io/pavolloffay/kubecon-eu-2024-opentelemetry-kubernetes-tracing-tutorial-frontend:latest", "IfNotPresent");
    }

    @Test
    void dockerHostComesFromTheEnvironmentOrTheFirstSocketThatExists() throws IOException {
        assertThat(DockerHost.resolve(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375"), dir).isUnixSocket()).isFalse();
        java.nio.file.Files.createDirectories(dir.resolve(".rd"));
        java.nio.file.Files.createFile(dir.resolve(".rd/docker.sock"));
        DockerHost rancherDesktop = DockerHost.resolve(Map.of(), dir);
        if (!java.nio.file.Files.exists(Path.of(DockerHost.DEFAULT_SOCKET))) {
            assertThat(rancherDesktop.socket()).contains(dir.resolve(".rd/docker.sock"));
        }
    }
}
