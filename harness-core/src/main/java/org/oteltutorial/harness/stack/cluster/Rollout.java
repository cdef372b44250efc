package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.util.Objects;

/** Whether a Deployment has rolled out (fabric8's readiness plus the observed generation), and a one-line description. */
public final class Rollout {

    private Rollout() {
    }

    /**
     * fabric8's {@link Readiness#isDeploymentReady} (every replica available, no old one left), once the controller
     * has observed the current generation, as {@code kubectl rollout status} also requires.
     */
    public static boolean isReady(Deployment d) {
        if (d == null || d.getSpec() == null || d.getStatus() == null) {
            return false;
        }
        long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        long observed = d.getStatus().getObservedGeneration() == null ? 0 : d.getStatus().getObservedGeneration();
        // fabric8 needs spec.replicas; the API server defaults it to 1, a manifest may leave it out.
        Deployment judged = d.getSpec().getReplicas() != null ? d : new DeploymentBuilder(d).editSpec().withReplicas(1).endSpec().build();
        return observed >= generation && Readiness.isDeploymentReady(judged);
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
