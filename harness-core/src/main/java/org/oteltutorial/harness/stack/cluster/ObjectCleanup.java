package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Deletes exactly the objects a run created, newest first. A custom resource is waited for until it is gone, so its
 * controller (still running, since it was created earlier) can finish its finalizers before it is deleted itself.
 * Failures are collected, not thrown: cleanup goes on with the next object.
 */
public final class ObjectCleanup {

    static final Duration NAMESPACE_GONE = Duration.ofMinutes(2);

    private final KubernetesClient client;
    private final Consumer<String> progress;
    private final Duration customResourceGone;

    public ObjectCleanup(KubernetesClient client, Consumer<String> progress, Duration customResourceGone) {
        this.client = client;
        this.progress = progress;
        this.customResourceGone = customResourceGone;
    }

    /** Deletes the objects in reverse order; returns a line per object that could not be deleted. */
    public List<String> deleteInReverse(List<ObjectRef> created) {
        List<String> problems = new ArrayList<>();
        List<ObjectRef> reversed = new ArrayList<>(created);
        java.util.Collections.reverse(reversed);
        if (!reversed.isEmpty()) {
            progress.accept("removing the " + reversed.size() + " objects this run created");
        }
        for (ObjectRef ref : reversed) {
            try {
                Resource<GenericKubernetesResource> resource = resource(ref);
                resource.delete();
                if (isCustom(ref)) {
                    resource.waitUntilCondition(r -> r == null, customResourceGone.toMillis(), TimeUnit.MILLISECONDS);
                } else if ("Namespace".equals(ref.kind())) {
                    // A namespace stays Terminating until its pods are gone; a run started right after would be refused.
                    progress.accept("  waiting for namespace " + ref.name() + " to finish terminating");
                    resource.waitUntilCondition(r -> r == null, NAMESPACE_GONE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (KubernetesClientTimeoutException e) {
                problems.add(ref.describe() + ": still present " + ("Namespace".equals(ref.kind()) ? NAMESPACE_GONE : customResourceGone).toSeconds()
                        + " s after deletion (a finalizer?)");
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    problems.add(ref.describe() + ": not deleted: " + e.getMessage());
                }
            }
        }
        return problems;
    }

    private Resource<GenericKubernetesResource> resource(ObjectRef ref) {
        var kind = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
        return ref.namespace() == null ? kind.withName(ref.name()) : kind.inNamespace(ref.namespace()).withName(ref.name());
    }

    private boolean isCustom(ObjectRef ref) {
        return client.getKubernetesSerialization().getRegisteredKubernetesResource(ref.apiVersion(), ref.kind()) == null;
    }
}
