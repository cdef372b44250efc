package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/** A set of manifests that together describe one stack (or a part of one). */
public record Manifests(List<SourcedResource> resources) {

    public Manifests {
        resources = List.copyOf(resources);
    }

    public List<SourcedResource> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.kind())).toList();
    }

    public <T extends HasMetadata> List<SourcedResource> ofType(Class<T> type) {
        return resources.stream().filter(r -> type.isInstance(r.resource())).toList();
    }

    public Optional<ConfigMap> configMap(String namespace, String name) {
        return ofType(ConfigMap.class).stream()
                .filter(r -> r.namespace().equals(namespace) && r.name().equals(name))
                .map(r -> (ConfigMap) r.resource())
                .findFirst();
    }

    public boolean isEmpty() {
        return resources.isEmpty();
    }
}
