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

    /**
     * Every pod of the Deployment carries the operator's injection (an {@code opentelemetry-auto-instrumentation*} init
     * container or {@code OTEL_SERVICE_NAME} in a container): the operator's pod webhook is {@code failurePolicy: Ignore},
     * so a pod created while it was not serving starts uninstrumented and nothing else says so.
     */
    void podsInjected(String namespace, String name, Duration timeout);
}
