package org.oteltutorial.harness.check;

import java.util.Optional;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Overlay;
import org.oteltutorial.harness.tutorial.StepPlan.Step;

/**
 * The commands that repair a step, from {@code tutorial.yaml}: release steps apply their pinned release URL; project
 * steps apply the upstream tutorial file they mirror, at the pinned commit
 * ({@code https://raw.githubusercontent.com/<repository>/<commit>/<path>}), never the moving branch.
 */
public final class TutorialFixes {

    private final StepPlan plan;

    public TutorialFixes(StepPlan plan) {
        this.plan = plan;
    }

    public Step step(String id) {
        return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tutorial.yaml has no step " + id));
    }

    /** {@code 06 RED metrics: ...}: the step's title as tutorial.yaml gives it. */
    public String title(String stepId) {
        return step(stepId).title();
    }

    /** The URL a reader applies for the step. */
    public String url(Step step) {
        if (step.url() != null) {
            return step.url();
        }
        return "https://raw.githubusercontent.com/" + plan.tutorial().repository() + "/" + plan.tutorial().commit() + "/" + step.mirrors();
    }

    /** {@code kubectl apply -f <url>}, plus what the step's overlays change afterwards. */
    public String apply(String stepId) {
        Step step = step(stepId);
        StringBuilder fix = new StringBuilder("kubectl apply -f ").append(url(step));
        for (Overlay overlay : step.overlays()) {
            if (overlay.replaceImage() != null) {
                String deployment = step.waitFor().isEmpty() ? "" : " (Deployment " + step.waitFor().get(0).namespace() + "/"
                        + step.waitFor().get(0).name() + ")";
                fix.append("; then replace the image ").append(overlay.replaceImage().from()).append(" by ")
                        .append(overlay.replaceImage().to()).append(deployment).append(", e.g. kubectl -n <namespace> set image")
                        .append(" deployment/<name> <container>=").append(overlay.replaceImage().to())
                        .append(" for the container that runs it (overlay ").append(overlay.id()).append(")");
            }
        }
        return fix.toString();
    }

    /** The overlay that replaces the image, if one does. */
    public Optional<Overlay> overlayReplacing(String image) {
        return plan.steps().stream().flatMap(s -> s.overlays().stream())
                .filter(o -> o.replaceImage() != null && o.replaceImage().from().equals(image)).findFirst();
    }

    public StepPlan plan() {
        return plan;
    }
}
