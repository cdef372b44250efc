package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.Service;

/** A Service from the manifests, or one an operator will create (then {@code source} is the custom resource). */
public record SourcedService(SourcedResource source, Service service) {

    public String namespace() {
        String ns = service.getMetadata().getNamespace();
        return ns == null || ns.isBlank() ? SourcedResource.DEFAULT_NAMESPACE : ns;
    }

    public String name() {
        return service.getMetadata().getName();
    }

    public String describe() {
        return "Service " + namespace() + "/" + name();
    }
}
