package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Objects;

/** Whether a Deployment has rolled out, the way {@code kubectl rollout status} judges it, and a one-line description. */
public final class Rollout {

    private Rollout() {
    }

    /** The current generation is observed, every replica is updated and available, and no old replica is left. */
    public static boolean isReady(Deployment d) {
        if (d == null || d.getSpec() == null || d.getStatus() == null) {
            return false;
        }
        DeploymentStatus status = d.getStatus();
        long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        long observed = status.getObservedGeneration() == null ? 0 : status.getObservedGeneration();
        int wanted = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        return observed >= generation
                && count(status.getUpdatedReplicas()) >= wanted
                && count(status.getReplicas()) <= count(status.getUpdatedReplicas())
                && count(status.getAvailableReplicas()) >= wanted;
    }

    /** E.g. {@code 0/1 available, 1 updated; Available=False (MinimumReplicasUnavailable: ...)}. */
    public static String describe(Deployment d) {
        if (d == null) {
            return "does not exist";
        }
        int wanted = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        DeploymentStatus status = d.getStatus();
        if (status == null) {
            return "no status yet (0/" + wanted + " available)";
        }
        StringBuilder text = new StringBuilder().append(count(status.getAvailableReplicas())).append('/').append(wanted)
                .append(" available, ").append(count(status.getUpdatedReplicas())).append(" updated");
        if (status.getConditions() != null) {
            for (DeploymentCondition c : status.getConditions()) {
                if (!"True".equals(c.getStatus())) {
                    text.append("; ").append(c.getType()).append('=').append(c.getStatus());
                    if (c.getReason() != null || c.getMessage() != null) {
                        text.append(" (").append(Objects.toString(c.getReason(), "")).append(c.getMessage() == null ? "" : ": " + c.getMessage()).append(')');
                    }
                }
            }
        }
        return text.toString();
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }
}
