package org.oteltutorial.harness.stack.k3s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.oteltutorial.harness.stack.StackStartException;

/**
 * A fresh cluster is usable once a Node is Ready and the {@code default} ServiceAccount exists; k3s's log line that
 * Testcontainers waits for comes earlier, and pods created before the ServiceAccount fail with
 * {@code serviceaccount "default" not found}.
 */
public final class ClusterBoot {

    private ClusterBoot() {
    }

    public static void awaitUsable(KubernetesClient client, Duration timeout) {
        AtomicReference<String> lastSeen = new AtomicReference<>("no answer yet");
        try {
            Awaitility.await("a Ready node").atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        try {
                            List<Node> nodes = client.nodes().list().getItems();
                            lastSeen.set(nodes.isEmpty() ? "no nodes" : nodes.stream().map(ClusterBoot::describe).toList().toString());
                            return nodes.stream().anyMatch(Readiness::isNodeReady);
                        } catch (KubernetesClientException e) {
                            lastSeen.set(e.getMessage());
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new StackStartException("k3s has no Ready node after " + timeout.toSeconds() + " s; last seen: " + lastSeen.get(), e);
        }
        try {
            client.serviceAccounts().inNamespace("default").withName("default")
                    .waitUntilCondition(Objects::nonNull, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            throw new StackStartException("k3s has no ServiceAccount default/default after " + timeout.toSeconds() + " s", e);
        }
    }

    private static String describe(Node node) {
        String ready = node.getStatus() == null || node.getStatus().getConditions() == null ? "unknown"
                : node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
                        .map(c -> c.getStatus() + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")")).findFirst().orElse("unknown");
        return node.getMetadata().getName() + " Ready=" + ready;
    }
}
