package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

/**
 * Server-side apply with the harness's own field manager, forcing conflicts (the harness is the source of truth for
 * the objects it applies). Whether the object is new is read just before applying, so a cluster run removes only what
 * it created; an object that exists is left as it is, never applied over (forcing the tutorial's version over a newer
 * cert-manager or operator would silently downgrade it).
 */
public final class ServerSideApplier implements ResourceApplier {

    /** The field manager every apply uses; {@code kubectl get -o yaml --show-managed-fields} shows it. */
    public static final String FIELD_MANAGER = "otel-tutorial-harness";

    private final KubernetesClient client;

    public ServerSideApplier(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Applied apply(HasMetadata resource) {
        Resource<HasMetadata> target = client.resource(resource);
        HasMetadata existing = target.get();
        if (existing != null) {
            return new Applied(ObjectRef.of(existing), false, true);
        }
        HasMetadata result = target.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        return new Applied(ObjectRef.of(result == null ? resource : result), existing == null);
    }
}
