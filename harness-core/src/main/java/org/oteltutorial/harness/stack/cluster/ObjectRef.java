package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Names one object in a cluster.
 *
 * @param namespace {@code null} for cluster-scoped objects (and for namespaced ones that take the client's namespace)
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    public static ObjectRef of(HasMetadata resource) {
        String ns = resource.getMetadata() == null ? null : resource.getMetadata().getNamespace();
        return new ObjectRef(resource.getApiVersion(), resource.getKind(), ns == null || ns.isBlank() ? null : ns,
                resource.getMetadata() == null ? null : resource.getMetadata().getName());
    }

    /** {@code Kind namespace/name}, or {@code Kind name} when cluster-scoped. */
    public String describe() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }

    @Override
    public String toString() {
        return describe();
    }
}
