package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.EnvironmentException;

class ClusterTargetTest {

    @TempDir
    Path dir;

    private Path kubeconfig(int port) throws IOException {
        return Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: workshop
                    cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}
                contexts:
                  - name: kind-workshop
                    context: {cluster: workshop, user: attendee}
                  - name: other
                    context: {cluster: workshop, user: attendee}
                current-context: kind-workshop
                users:
                  - name: attendee
                    user: {token: abc}
                """.formatted(port));
    }

    @Test
    void anUnknownContextIsRefusedNamingTheContextsThereAre() throws IOException {
        ClusterTarget target = new ClusterTarget(Optional.of(kubeconfig(6443)), Optional.of("kind-kubecon"));

        assertThatThrownBy(target::config)
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("context 'kind-kubecon' is not in " + dir.resolve("config") + " (contexts: kind-workshop, other);"
                        + " pass one of them with --context");
    }

    @Test
    void aMissingKubeconfigIsRefused() {
        assertThatThrownBy(() -> new ClusterTarget(Optional.of(dir.resolve("nope")), Optional.empty()).config())
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("does not exist");
    }

    @Test
    void theChosenContextIsUsed() throws IOException {
        ClusterTarget target = new ClusterTarget(Optional.of(kubeconfig(6443)), Optional.of("other"));

        assertThat(target.config().getCurrentContext().getName()).isEqualTo("other");
        assertThat(target.describe()).isEqualTo("context other (server https://127.0.0.1:6443/) from " + dir.resolve("config"));
    }

    @Test
    void anUnreachableClusterIsReportedWithinSeconds() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ClusterTarget target = new ClusterTarget(Optional.of(kubeconfig(closedPort)), Optional.empty());
        long start = System.nanoTime();

        assertThatThrownBy(() -> target.checkReachable(Duration.ofSeconds(2)))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("cannot reach the cluster of context kind-workshop (server https://127.0.0.1:" + closedPort + "/)")
                .hasMessageContaining("check that it is running");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
