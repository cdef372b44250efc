package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Puts one desired object into the cluster (server-side apply in production, a recording fake in tests). */
public interface ResourceApplier {

    /**
     * Applies the object's desired state.
     *
     * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server refuses it
     */
    Applied apply(HasMetadata resource);
}
