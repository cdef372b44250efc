package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Step;
import org.oteltutorial.harness.tutorial.StepPlan.WaitTarget;

/**
 * Applies {@code tutorial.yaml}'s steps in order, the way a reader does, and waits after each: within a step,
 * Namespaces and CustomResourceDefinitions first (then waits until every CRD is Established), then custom resources,
 * then the rest in file order; then every {@code waitFor} Deployment and every Deployment the step's files create; then
 * cert-manager's CA injection into the step's webhook configurations (cainjector injects only once it runs). An apply
 * that a webhook refuses because it is not serving yet is retried until a deadline. The applier does not depend on
 * where the cluster runs: k3s, an existing cluster, or fakes in tests.
 *
 * <p>One applier serves one run: {@link #applied()} lists every object applied so far, also after a failure, so the
 * caller can remove exactly what it created.
 */
public final class StepApplier {

    static final String INJECT_CA_ANNOTATION_PREFIX = "cert-manager.io/inject-ca-from";

    private final ResourceApplier applier;
    private final ClusterWaiter waiter;
    private final StepSource source;
    private final Consumer<String> progress;
    private final ApplyTimeouts timeouts;
    private final ImageOverlay overlay = new ImageOverlay();
    private final List<Applied> applied = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Planned> plannedNamespaces = new java.util.HashMap<>();
    private final Set<String> appliedNamespaces = new java.util.HashSet<>();

    public StepApplier(ResourceApplier applier, ClusterWaiter waiter, StepSource source, Consumer<String> progress,
            ApplyTimeouts timeouts) {
        this.applier = applier;
        this.waiter = waiter;
        this.source = source;
        this.progress = progress;
        this.timeouts = timeouts;
    }

    /** Applies every step of the plan in order, waiting after each. */
    public void applyAll(StepPlan plan) {
        validate(plan);
        plannedNamespaces.clear();
        for (Step step : plan.steps()) {
            if (step.isLocal()) {
                source.load(step).stream().filter(StepApplier::isNamespace).forEach(r -> plannedNamespaces.putIfAbsent(r.name(), new Planned(step.id(), r)));
            }
        }
        for (Step step : plan.steps()) {
            apply(step);
        }
    }

    /** A Namespace of the plan and the step that declares it. */
    private record Planned(String step, SourcedResource namespace) {
    }

    /**
     * Namespaces this step's objects go into that a later step of the plan declares (the tutorial's Instrumentation
     * goes into {@code tutorial-application}, which only the app's file creates): applied first, as a reader who ran
     * the chapter's {@code kubectl create namespace} would have them, and named in the notes.
     */
    private void applyNamespacesDeclaredLater(Step step, List<SourcedResource> resources) {
        Set<String> own = new LinkedHashSet<>();
        resources.stream().filter(StepApplier::isNamespace).forEach(r -> own.add(r.name()));
        resources.stream().filter(r -> !isNamespace(r) && r.resource().getMetadata().getNamespace() != null).map(SourcedResource::namespace)
                .distinct().filter(ns -> !own.contains(ns) && plannedNamespaces.containsKey(ns) && !appliedNamespaces.contains(ns))
                .forEach(ns -> {
                    Planned planned = plannedNamespaces.get(ns);
                    progress.accept("  Namespace " + ns + " first (declared by step " + planned.step() + ")");
                    applyRetrying(planned.namespace().resource());
                    appliedNamespaces.add(ns);
                    notes.add("step " + step.id() + " puts objects into namespace " + ns + ", which step " + planned.step()
                            + " declares: the namespace was applied before step " + step.id());
                });
    }

    /** Applies one step and waits until it has taken effect. */
    public void apply(Step step) {
        progress.accept("step " + step.id() + ": " + step.title());
        ImageOverlay.Result overlaid = overlay.apply(step, source.load(step));
        notes.addAll(overlaid.notes());
        List<SourcedResource> resources = overlaid.resources();

        applyNamespacesDeclaredLater(step, resources);
        List<SourcedResource> first = resources.stream().filter(r -> isNamespace(r) && !appliedNamespaces.contains(r.name()) || isCrd(r))
                .sorted((a, b) -> Boolean.compare(isCrd(a), isCrd(b))).toList();
        first.forEach(r -> {
            applyRetrying(r.resource());
            if (isNamespace(r)) {
                appliedNamespaces.add(r.name());
            }
        });
        for (SourcedResource crd : first) {
            if (isCrd(crd)) {
                waiter.crdEstablished(crd.name(), timeouts.crd());
            }
        }
        resources.stream().filter(r -> !isNamespace(r) && !isCrd(r))
                .sorted((a, b) -> Boolean.compare(!isCustomResource(a), !isCustomResource(b)))
                .forEach(r -> applyRetrying(r.resource()));

        for (WaitTarget target : waitTargets(step, resources)) {
            progress.accept("  waiting for Deployment " + target.namespace() + "/" + target.name());
            waiter.deploymentReady(target.namespace(), target.name(), timeouts.deployment());
        }
        for (SourcedResource r : resources) {
            if (r.resource() instanceof Deployment d && asksForInjection(d)) {
                progress.accept("  checking that the pods of Deployment " + r.namespace() + "/" + r.name() + " were injected");
                waiter.podsInjected(r.namespace(), r.name(), timeouts.deployment());
            }
        }
        for (SourcedResource r : resources) {
            if (KubernetesWaiter.isWebhookConfiguration(r.kind()) && injectsCa(r.resource())) {
                progress.accept("  waiting for the CA bundle of " + r.kind() + " " + r.name());
                waiter.webhookCaInjected(r.kind(), r.name(), timeouts.webhook());
            }
        }
    }

    /** The step's {@code waitFor} entries, then every Deployment its files create, each once. */
    static List<WaitTarget> waitTargets(Step step, List<SourcedResource> resources) {
        Set<WaitTarget> targets = new LinkedHashSet<>(step.waitFor());
        for (SourcedResource r : resources) {
            if (r.resource() instanceof Deployment) {
                targets.add(new WaitTarget("Deployment", r.namespace(), r.name()));
            }
        }
        return List.copyOf(targets);
    }

    private Applied applyRetrying(HasMetadata resource) {
        ObjectRef ref = ObjectRef.of(resource);
        AtomicReference<KubernetesClientException> last = new AtomicReference<>();
        Optional<Applied> result;
        try {
            result = Awaitility.await("apply " + ref.describe()).atMost(timeouts.rejectedApply())
                    .pollDelay(Duration.ZERO).pollInterval(timeouts.retryInterval())
                    .until(() -> {
                        try {
                            return Optional.of(applier.apply(resource));
                        } catch (KubernetesClientException e) {
                            if (!isTransient(e)) {
                                throw new StackStartException(ref.describe() + " was rejected: " + message(e), e);
                            }
                            last.set(e);
                            return Optional.<Applied>empty();
                        }
                    }, Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            KubernetesClientException cause = last.get();
            throw new StackStartException(ref.describe() + " was still rejected after " + timeouts.rejectedApply().toSeconds()
                    + " s: " + (cause == null ? "no answer" : message(cause)), cause == null ? e : cause);
        }
        Applied done = result.orElseThrow();
        applied.add(done);
        if (done.leftAsItWas()) {
            notes.add("left as it was: " + ref.describe() + " existed before this run, so it was not applied over");
            progress.accept("  " + ref.describe() + " exists: left as it is");
        }
        return done;
    }

    /**
     * Refusals that go away by themselves: a webhook that is not serving yet (cert-manager's, the operator's), the API
     * server not knowing a just-established kind, or the server being briefly unavailable.
     */
    public static boolean isTransient(KubernetesClientException e) {
        String message = e.getMessage() + (e.getStatus() == null ? "" : " " + e.getStatus().getMessage());
        return message.contains("failed calling webhook") || message.contains("no endpoints available")
                || message.contains("connection refused") || message.contains("x509: certificate signed by unknown authority")
                || (e.getCode() == 0 && message.contains("Could not find")) || e.getCode() == 503 || e.getCode() == 429
                || (e.getCode() == 404 && message.contains("the server could not find the requested resource"));
    }

    private static String message(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? "HTTP " + e.getCode() + ": " + e.getStatus().getMessage()
                : String.valueOf(e.getMessage());
    }

    private static void validate(StepPlan plan) {
        for (Step step : plan.steps()) {
            for (WaitTarget t : step.waitFor()) {
                if (!"Deployment".equals(t.kind())) {
                    throw new StackStartException("tutorial.yaml: step " + step.id() + " waits for a " + t.kind() + " " + t.name()
                            + "; only Deployments can be waited for");
                }
            }
        }
    }

    static final String INJECT_ANNOTATION_PREFIX = "instrumentation.opentelemetry.io/inject-";

    private static boolean asksForInjection(Deployment d) {
        var template = d.getSpec() == null ? null : d.getSpec().getTemplate();
        Map<String, String> annotations = template == null || template.getMetadata() == null ? null : template.getMetadata().getAnnotations();
        return annotations != null && annotations.entrySet().stream()
                .anyMatch(a -> a.getKey().startsWith(INJECT_ANNOTATION_PREFIX) && !"false".equalsIgnoreCase(a.getValue()));
    }

    private static boolean injectsCa(HasMetadata resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations != null && annotations.keySet().stream().anyMatch(k -> k.startsWith(INJECT_CA_ANNOTATION_PREFIX));
    }

    private static boolean isNamespace(SourcedResource r) {
        return "Namespace".equals(r.kind());
    }

    /** Custom resources (an Instrumentation, say) go before workloads, so the operator sees them before pods start. */
    private static boolean isCustomResource(SourcedResource r) {
        return r.resource() instanceof GenericKubernetesResource;
    }

    private static boolean isCrd(SourcedResource r) {
        return "CustomResourceDefinition".equals(r.kind());
    }

    /** Every object applied so far, in order. */
    public List<Applied> applied() {
        synchronized (applied) {
            return List.copyOf(applied);
        }
    }

    /** The objects that did not exist before this run applied them, in the order they were created. */
    public List<ObjectRef> created() {
        return applied().stream().filter(Applied::created).map(Applied::ref).toList();
    }

    /** Report notes: each release manifest's sha256, and the overlays with their reasons. */
    public List<String> notes() {
        List<String> all = new ArrayList<>(source.notes());
        synchronized (notes) {
            all.addAll(notes);
        }
        return List.copyOf(all);
    }
}
