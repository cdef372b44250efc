package org.oteltutorial.harness.stack.cluster;

import java.time.Duration;

/**
 * Deadlines of the step applier.
 *
 * @param crd a CustomResourceDefinition becoming Established
 * @param deployment a Deployment rolling out (image pulls included)
 * @param webhook cert-manager injecting a webhook's CA bundle
 * @param rejectedApply how long an apply refused by a not-yet-serving webhook is retried
 * @param retryInterval the pause between those retries
 */
public record ApplyTimeouts(Duration crd, Duration deployment, Duration webhook, Duration rejectedApply, Duration retryInterval) {

    public static ApplyTimeouts defaults() {
        return new ApplyTimeouts(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(2),
                Duration.ofSeconds(2));
    }

    public ApplyTimeouts withDeployment(Duration deployment) {
        return new ApplyTimeouts(crd, deployment, webhook, rejectedApply, retryInterval);
    }
}
