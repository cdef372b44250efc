package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.OperatorRendering;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Step;
import org.oteltutorial.harness.tutorial.StepPlan.WaitTarget;
import org.oteltutorial.harness.tutorial.Workload;

/**
 * The tutorial for a cluster without cert-manager, the operator and the demo app: the release steps are skipped, so are
 * custom resources other than the collector's (they need the operator's CRDs) and the namespaces of the app's
 * workloads; every {@code OpenTelemetryCollector} is replaced by what operator v0.94 creates from it
 * ({@link OperatorRendering}). Every skip and the substitution are named in the notes.
 */
public final class OperatorSubstitution {

    /**
     * Why the parts are left out, for the report.
     *
     * @param operator why cert-manager and the operator do not run
     * @param app why the demo app does not run
     */
    public record Reasons(String operator, String app) {
    }

    public record Result(StepPlan plan, Manifests manifests, List<String> notes) {

        public Result {
            notes = List.copyOf(notes);
        }
    }

    private final OperatorRendering rendering = new OperatorRendering();

    public Result apply(StepPlan plan, Manifests manifests, Reasons reasons) {
        StackModel model = StackModel.from(manifests);
        Set<String> appNamespaces = appNamespaces(model);
        List<String> notes = new ArrayList<>();
        List<SourcedResource> kept = new ArrayList<>();
        for (SourcedResource r : manifests.resources()) {
            if (OperatorRendering.isCollectorResource(r)) {
                List<SourcedResource> objects = rendering.render(r);
                kept.addAll(objects);
                notes.add("substituted: " + r.describe() + " is applied as what operator v0.94 creates from it ("
                        + String.join(", ", objects.stream().map(o -> o.kind() + " " + o.name()).toList()) + ") because "
                        + reasons.operator());
            } else if (r.resource() instanceof GenericKubernetesResource) {
                notes.add("skipped: " + r.describe() + " (" + r.origin() + "): it needs the operator's CRD, and " + reasons.operator());
            } else if (appNamespaces.contains(r.namespace()) || "Namespace".equals(r.kind()) && appNamespaces.contains(r.name())) {
                continue;
            } else {
                kept.add(r);
            }
        }
        if (!appNamespaces.isEmpty()) {
            notes.add("skipped: the demo app (namespace " + String.join(", ", appNamespaces) + ") because " + reasons.app()
                    + "; the checks that need it are not run");
        }
        Manifests substituted = new Manifests(kept);
        List<Step> steps = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (!step.isLocal()) {
                notes.add("skipped: step " + step.id() + " (" + step.url() + ") because " + reasons.operator());
                continue;
            }
            boolean hadResources = manifests.resources().stream().anyMatch(r -> r.origin().equals(step.file()));
            boolean keepsResources = kept.stream().anyMatch(r -> r.origin().equals(step.file()));
            if (hadResources && !keepsResources) {
                notes.add("skipped: step " + step.id() + " (" + step.file() + "): nothing of it can run here");
                continue;
            }
            List<WaitTarget> waitFor = step.waitFor().stream().filter(t -> deploys(kept, t)).toList();
            steps.add(new Step(step.id(), step.title(), step.url(), step.file(), step.mirrors(), step.overlays(), waitFor));
        }
        return new Result(new StepPlan(plan.tutorial(), steps), substituted, notes);
    }

    /** Namespaces that hold app workloads (not the collector, Prometheus or Jaeger) and none of those. */
    private static Set<String> appNamespaces(StackModel model) {
        Set<Workload> infrastructure = new LinkedHashSet<>();
        model.collectors().forEach(c -> infrastructure.add(c.workload()));
        model.prometheuses().forEach(p -> infrastructure.add(p.workload()));
        model.jaegers().forEach(j -> infrastructure.add(j.workload()));
        model.unreadCollectors().forEach(infrastructure::add);
        Set<String> infraNamespaces = new LinkedHashSet<>();
        infrastructure.forEach(w -> infraNamespaces.add(w.namespace()));
        Set<String> app = new LinkedHashSet<>();
        model.workloads().stream().filter(w -> !infrastructure.contains(w)).map(Workload::namespace)
                .filter(ns -> !infraNamespaces.contains(ns)).forEach(app::add);
        return app;
    }

    private static boolean deploys(List<SourcedResource> resources, WaitTarget target) {
        return resources.stream().anyMatch(r -> r.kind().equals(target.kind()) && r.name().equals(target.name())
                && r.namespace().equals(target.namespace()));
    }
}
