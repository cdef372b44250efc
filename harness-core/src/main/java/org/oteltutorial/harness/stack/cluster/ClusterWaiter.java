package org.oteltutorial.harness.stack.cluster;

import java.time.Duration;

/** Waits for the cluster to reach a state, each wait with a deadline; on timeout it says what it last saw. */
public interface ClusterWaiter {

    /** The CustomResourceDefinition's {@code Established} condition is {@code True}. */
    void crdEstablished(String name, Duration timeout);

    /** The Deployment has rolled out: every replica updated and available. */
    void deploymentReady(String namespace, String name, Duration timeout);

    /** Every webhook of the (validating or mutating) webhook configuration has a CA bundle, injected by cert-manager. */
    void webhookCaInjected(String kind, String name, Duration timeout);
}
