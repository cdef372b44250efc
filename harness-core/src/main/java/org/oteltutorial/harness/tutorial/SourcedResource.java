package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One Kubernetes resource and where it was read from.
 *
 * @param origin the file it came from, as the user named it (or the bundled resource path)
 * @param line the 1-based line where its YAML document starts
 */
public record SourcedResource(String origin, int line, HasMetadata resource) {

    public static final String DEFAULT_NAMESPACE = "default";

    public String kind() {
        return resource.getKind();
    }

    public String name() {
        return resource.getMetadata() == null ? "" : resource.getMetadata().getName();
    }

    /** The namespace the resource lands in; resources without one land in {@value #DEFAULT_NAMESPACE}. */
    public String namespace() {
        String ns = resource.getMetadata() == null ? null : resource.getMetadata().getNamespace();
        return ns == null || ns.isBlank() ? DEFAULT_NAMESPACE : ns;
    }

    /** {@code Kind namespace/name}, as findings and reports name a resource. */
    public String describe() {
        return kind() + " " + namespace() + "/" + name();
    }

    /** {@code file:line}. */
    public String location() {
        return origin + ":" + line;
    }
}
