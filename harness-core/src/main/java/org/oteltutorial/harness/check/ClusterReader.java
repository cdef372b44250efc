package org.oteltutorial.harness.check;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.oteltutorial.harness.stack.cluster.FailureBundle.CustomKind;

/**
 * Reads what the self-check needs, and only reads: gets and lists of Namespaces, Deployments, Services, ConfigMaps,
 * Pods and the tutorial's custom resources, plus API discovery. A read that is refused (e.g. by RBAC) is recorded and
 * the rest goes on.
 */
final class ClusterReader {

    /** The built-in kinds it reads; objects of other kinds (a ServiceAccount, say) show up through the workloads using them. */
    static final Set<String> BUILT_IN_KINDS = Set.of("Namespace", "Deployment", "Service", "ConfigMap");

    private final KubernetesClient client;

    ClusterReader(KubernetesClient client) {
        this.client = client;
    }

    /**
     * @param namespaces every namespace whose workloads the steps create (the tutorial's, cert-manager's, the operator's)
     * @param kinds the custom resource kinds of the project manifests, read in every namespace asked about
     */
    ClusterSnapshot read(Collection<String> namespaces, Collection<CustomKind> kinds) {
        List<HasMetadata> objects = new ArrayList<>();
        List<Pod> pods = new ArrayList<>();
        Set<String> existing = new LinkedHashSet<>();
        Set<String> served = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        for (String ns : namespaces) {
            Optional<Namespace> namespace = read(errors, "Namespace " + ns, () -> client.namespaces().withName(ns).get());
            namespace.ifPresent(n -> {
                existing.add(ns);
                objects.add(n);
            });
            if (namespace.isEmpty() && errors.stream().noneMatch(e -> e.startsWith("Namespace " + ns + ":"))) {
                continue;
            }
            read(errors, "Deployments in " + ns, () -> client.apps().deployments().inNamespace(ns).list().getItems()).ifPresent(objects::addAll);
            read(errors, "Services in " + ns, () -> client.services().inNamespace(ns).list().getItems()).ifPresent(objects::addAll);
            read(errors, "ConfigMaps in " + ns, () -> client.configMaps().inNamespace(ns).list().getItems()).ifPresent(objects::addAll);
            read(errors, "Pods in " + ns, () -> client.pods().inNamespace(ns).list().getItems()).ifPresent(pods::addAll);
        }
        for (CustomKind kind : kinds) {
            Optional<ResourceDefinitionContext> definition = read(errors, "API " + kind.apiVersion(), () -> discover(kind)).flatMap(d -> d);
            if (definition.isEmpty()) {
                continue;
            }
            served.add(kind.apiVersion() + "/" + kind.kind());
            for (String ns : existing) {
                read(errors, kind.kind() + " in " + ns, () -> client.genericKubernetesResources(definition.get()).inNamespace(ns).list().getItems())
                        .ifPresent(objects::addAll);
            }
        }
        return new ClusterSnapshot(objects, pods, existing, served, errors);
    }

    /** The kind's definition from API discovery, or empty when the cluster does not serve it (its CRD is not installed). */
    private Optional<ResourceDefinitionContext> discover(CustomKind kind) {
        APIResourceList resources = client.getApiResources(kind.apiVersion());
        if (resources == null || resources.getResources() == null) {
            return Optional.empty();
        }
        for (APIResource r : resources.getResources()) {
            if (kind.kind().equals(r.getKind()) && !r.getName().contains("/")) {
                return Optional.of(ResourceDefinitionContext.fromApiResource(kind.apiVersion(), r));
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<T> read(List<String> errors, String what, Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            errors.add(what + ": " + (e.getCode() > 0 ? "HTTP " + e.getCode() + " " : "") + firstLine(e.getMessage()));
            return Optional.empty();
        }
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
