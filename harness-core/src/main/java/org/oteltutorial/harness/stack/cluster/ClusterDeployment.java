package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackEndpoints;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Step;
import org.oteltutorial.harness.tutorial.StepPlan.WaitTarget;

/**
 * The tutorial deployed into a cluster, whichever it is: the steps applied in order and waited for, then port-forwards
 * to the collector, Prometheus, Jaeger and the frontend. Both Kubernetes stacks use it; it owns the port-forwards, not
 * the cluster, and never deletes anything itself.
 */
public final class ClusterDeployment implements AutoCloseable {

    private Path bundleDirectory;

    private final KubernetesClient client;
    private final StepPlan plan;
    private final StackModel model;
    private final StackContext context;
    private final StepApplier applier;
    private final PortForwarder forwarder;
    private final FailureBundle failureBundle;
    private ForwardedEndpoints forwarded;

    public ClusterDeployment(KubernetesClient client, StepPlan plan, StepSource source, StackModel model, StackContext context,
            ApplyTimeouts timeouts) {
        this.client = client;
        this.plan = source.planFor(plan);
        this.model = model;
        this.context = context;
        this.applier = new StepApplier(new ServerSideApplier(client), new KubernetesWaiter(client), source, context.progress(), timeouts);
        this.forwarder = new PodPortForwarder(client);
        this.failureBundle = failureBundle(client, this.plan, model);
    }

    /** Applies every step and waits, then opens the port-forwards. */
    public StackEndpoints deploy() {
        applier.applyAll(plan);
        context.progress().accept("port-forwarding to the collector, Prometheus, Jaeger and the frontend");
        forwarded = ForwardedEndpoints.open(EndpointPlan.of(model), forwarder);
        return forwarded.endpoints();
    }

    /** The failure bundle over every namespace the steps touch and every custom resource kind of the manifests. */
    static FailureBundle failureBundle(KubernetesClient client, StepPlan plan, StackModel model) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (Step step : plan.steps()) {
            step.waitFor().stream().map(WaitTarget::namespace).forEach(namespaces::add);
        }
        // Only resources that name a namespace: cluster-scoped ones (ClusterRoles, CRDs) would read as "default".
        model.manifests().resources().stream().filter(r -> r.resource().getMetadata() != null && r.resource().getMetadata().getNamespace() != null)
                .forEach(r -> namespaces.add(r.namespace()));
        model.manifests().ofKind("Namespace").forEach(r -> namespaces.add(r.name()));
        Set<FailureBundle.CustomKind> kinds = new LinkedHashSet<>();
        for (SourcedResource r : model.manifests().resources()) {
            if (r.resource() instanceof GenericKubernetesResource) {
                kinds.add(new FailureBundle.CustomKind(r.resource().getApiVersion(), r.kind()));
            }
        }
        return new FailureBundle(client, List.copyOf(namespaces), List.copyOf(kinds));
    }

    public FailureBundle failureBundle() {
        return failureBundle;
    }

    /** Writes the failure bundle below the run's report directory. */
    /** Writes the failure bundle once, however often a check fails; later calls return the same directory. */
    public synchronized Path writeFailureBundle() {
        if (bundleDirectory == null) {
            bundleDirectory = failureBundle.write(context.reportDir());
            context.progress().accept("failure bundle written to " + bundleDirectory);
        }
        return bundleDirectory;
    }

    /** Where the failure bundle was written, once a check failed. */
    public synchronized Optional<Path> failureBundleDirectory() {
        return Optional.ofNullable(bundleDirectory);
    }

    /** Whether a check failed (the bundle was written). */
    public synchronized boolean failed() {
        return bundleDirectory != null;
    }

    /** The objects the steps created (not those that already existed), in creation order. */
    public List<ObjectRef> created() {
        return applier.created();
    }

    public KubernetesClient client() {
        return client;
    }

    /** Report notes: release manifests with their sha256, overlays with their reasons, the port-forwards. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>(applier.notes());
        if (forwarded != null) {
            notes.addAll(forwarded.notes());
        }
        return notes;
    }

    /** Closes the port-forwards. */
    @Override
    public void close() {
        forwarder.close();
    }
}
