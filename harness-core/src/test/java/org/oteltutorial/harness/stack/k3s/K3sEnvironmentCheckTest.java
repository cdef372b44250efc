package org.oteltutorial.harness.stack.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.stack.EnvironmentException;

class K3sEnvironmentCheckTest {

    private static final String K3S = K3sOptions.DEFAULT_IMAGE;
    private static final String DNS = "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io: no such host";
    private static final Map<String, String> CONFIGURED = Map.of("TESTCONTAINERS_RYUK_DISABLED", "true");

    private final FakeProbe probe = new FakeProbe();

    private K3sEnvironmentCheck check(Map<String, String> env) {
        return new K3sEnvironmentCheck(probe, K3S, env, false, "laptop");
    }

    @Test
    void aMachineWithPrivilegedDockerAndTheImagesPasses() {
        probe.images.addAll(List.of(K3S, K3sEnvironmentCheck.RYUK_IMAGE));

        assertThatCode(() -> check(Map.of()).run()).doesNotThrowAnyException();
        assertThat(probe.registryQuestions).isEmpty();
    }

    @Test
    void absentImagesAreFineWhenTheirRegistryAnswers() {
        assertThat(check(Map.of()).problems()).isEmpty();
        assertThat(probe.registryQuestions).containsExactly(K3S, K3sEnvironmentCheck.RYUK_IMAGE);
    }

    @Test
    void noDockerIsTheOnlyReasonGiven() {
        probe.unavailable = "there is no Docker socket at /var/run/docker.sock (DOCKER_HOST is not set)";

        assertThatThrownBy(() -> check(CONFIGURED).run())
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("the k3s stack cannot run here: Docker is not reachable: there is no Docker socket at /var/run/docker.sock"
                        + " (DOCKER_HOST is not set). Start the Docker engine (e.g. `sudo dockerd`, Docker Desktop) or point DOCKER_HOST at one");
    }

    @Test
    void theK3sImageAbsentWithNoRegistryFailsAtOnceWithWhatToDo() {
        probe.registryProblems.put(K3S, DNS);

        assertThatThrownBy(() -> check(CONFIGURED).run())
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("the k3s stack cannot run here: image rancher/k3s:v1.29.13-k3s1 is not in the local Docker and no registry is"
                        + " reachable (" + DNS + "); load it with `docker load` (e.g. from `docker save rancher/k3s:v1.29.13-k3s1` on a"
                        + " machine with registry access) or run on a machine with registry access");
    }

    @Test
    void thisMachinesStateListsEveryProblemAtOnce() {
        probe.engine = new DockerProbe.Engine("20.10.24+dfsg1", "vm", List.of("name=seccomp,profile=default"));
        probe.privilegedProblem = "failed to create shim task: OCI runtime create failed: runc create failed: unable to start container"
                + " process: unable to apply caps: operation not permitted: unknown";
        probe.registryProblems.put(K3S, DNS);
        probe.registryProblems.put(K3sEnvironmentCheck.RYUK_IMAGE, DNS);

        List<String> problems = new K3sEnvironmentCheck(probe, K3S, Map.of(), true, "vm").problems();

        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("Docker cannot start privileged containers, which k3s needs (the engine said: failed to"
                + " create shim task").contains("unable to apply caps");
        assertThat(problems.get(1)).startsWith("image rancher/k3s:v1.29.13-k3s1 is not in the local Docker and no registry is reachable");
        assertThat(problems.get(2)).startsWith("Testcontainers' resource reaper image testcontainers/ryuk:0.14.0 is not in the local Docker")
                .contains("set TESTCONTAINERS_RYUK_DISABLED=true");
        assertThat(problems.get(3)).contains("set TESTCONTAINERS_HOST_OVERRIDE=localhost");
        assertThat(probe.registryQuestions).as("an unreachable registry is asked once").containsExactly(K3S);
        assertThatThrownBy(() -> new K3sEnvironmentCheck(probe, K3S, Map.of(), true, "vm").run())
                .hasMessageStartingWith("the k3s stack cannot run here: (1) Docker cannot start privileged containers")
                .hasMessageContaining(" (4) Docker runs inside this container");
    }

    @Test
    void theTestcontainersVariablesSilenceTheirProblems() {
        probe.registryProblems.put(K3sEnvironmentCheck.RYUK_IMAGE, DNS);
        probe.images.add(K3S);

        assertThat(new K3sEnvironmentCheck(probe, K3S, Map.of(), true, "build-host").problems()).hasSize(2);
        assertThat(new K3sEnvironmentCheck(probe, K3S, Map.of("TESTCONTAINERS_RYUK_DISABLED", "true",
                "TESTCONTAINERS_HOST_OVERRIDE", "localhost"), true, "build-host").problems()).isEmpty();
    }

    @Test
    void dockerOnAnotherHostNeedsNoOverride() {
        probe.images.add(K3S);

        assertThat(new K3sEnvironmentCheck(probe, K3S, CONFIGURED, true, "a-container").problems()).isEmpty();
    }

    @Test
    void rootlessDockerIsNamed() {
        probe.images.add(K3S);
        probe.engine = new DockerProbe.Engine("27.3.1", "laptop", List.of("name=seccomp,profile=default", "name=rootless"));

        assertThat(check(CONFIGURED).problems()).singleElement().asString().startsWith("Docker runs rootless");
    }

    @Test
    void aMissingImageInAReachableRegistryIsNotTakenForAnUnreachableRegistry() {
        probe.registryProblems.put(K3S, "manifest unknown");

        assertThat(check(Map.of()).problems()).singleElement().asString().contains("(manifest unknown)");
        assertThat(probe.registryQuestions).containsExactly(K3S, K3sEnvironmentCheck.RYUK_IMAGE);
    }
}
