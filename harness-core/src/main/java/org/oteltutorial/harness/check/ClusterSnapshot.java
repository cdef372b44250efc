package org.oteltutorial.harness.check;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oteltutorial.harness.stack.cluster.PodDiagnosis;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.SourcedResource;

/**
 * What the self-check read from the cluster: the objects of the tutorial's namespaces, their pods, which namespaces
 * exist, which custom resource kinds the cluster serves, and what could not be read (e.g. forbidden by RBAC).
 *
 * @param objects Namespaces, Deployments, Services, ConfigMaps and custom resources, as read
 * @param namespaces the namespaces that exist, of those asked about
 * @param servedKinds {@code apiVersion/Kind} of the custom resource kinds the cluster knows
 */
public record ClusterSnapshot(List<HasMetadata> objects, List<Pod> pods, Set<String> namespaces, Set<String> servedKinds,
        List<String> readErrors) {

    /** Objects an operator renders from a custom resource carry this label with the operator's name. */
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String OPERATOR = "opentelemetry-operator";

    public ClusterSnapshot {
        objects = List.copyOf(objects);
        pods = List.copyOf(pods);
        namespaces = Set.copyOf(namespaces);
        servedKinds = Set.copyOf(servedKinds);
        readErrors = List.copyOf(readErrors);
    }

    /** {@code cluster:<namespace>/<Kind>/<name>}: where a finding about a cluster object points. */
    public static String origin(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        return "cluster:" + (ns == null ? "" : ns + "/") + o.getKind() + "/" + o.getMetadata().getName();
    }

    /**
     * The objects as the model lint reads, leaving out what the operator rendered from a custom resource (the model
     * renders those from the CR itself, as it does for manifest files).
     */
    public Manifests manifests() {
        List<SourcedResource> resources = new ArrayList<>();
        for (HasMetadata o : objects) {
            Map<String, String> labels = o.getMetadata().getLabels();
            // What the operator made is modelled from its CR; without a CR in that namespace (the operator's objects
            // rendered and applied by other means) the objects themselves are the state.
            if (labels != null && OPERATOR.equals(labels.get(MANAGED_BY)) && !(o instanceof GenericKubernetesResource)
                    && hasCollectorResource(o.getMetadata().getNamespace())) {
                continue;
            }
            resources.add(new SourcedResource(origin(o), 0, o));
        }
        return new Manifests(resources);
    }

    private boolean hasCollectorResource(String namespace) {
        return objects.stream().anyMatch(o -> o instanceof GenericKubernetesResource && "OpenTelemetryCollector".equals(o.getKind())
                && java.util.Objects.equals(namespace, o.getMetadata().getNamespace()));
    }

    public Optional<HasMetadata> find(String kind, String namespace, String name) {
        return objects.stream().filter(o -> kind.equals(o.getKind()) && name.equals(o.getMetadata().getName())
                && (namespace == null || namespace.equals(o.getMetadata().getNamespace()))).findFirst();
    }

    public Optional<Deployment> deployment(String namespace, String name) {
        return find("Deployment", namespace, name).map(Deployment.class::cast);
    }

    /** The pods a Deployment's selector matches. */
    public List<Pod> podsOf(Deployment d) {
        Map<String, String> selector = d.getSpec() == null || d.getSpec().getSelector() == null ? Map.of()
                : d.getSpec().getSelector().getMatchLabels();
        return pods.stream().filter(p -> d.getMetadata().getNamespace().equals(p.getMetadata().getNamespace()))
                .filter(p -> PodDiagnosis.matches(p, selector)).toList();
    }

    public boolean serves(String apiVersion, String kind) {
        return servedKinds.contains(apiVersion + "/" + kind);
    }
}
