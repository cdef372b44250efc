package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oteltutorial.harness.reader.ChapterLine;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Overlay;
import org.oteltutorial.harness.tutorial.StepPlan.Step;

/** A release manifest the chapters apply runs an image that is no longer served (tutorial.yaml's image overlays). */
final class ReleaseImageRule implements PathRule {

    @Override
    public String id() {
        return "release-image-gone";
    }

    @Override
    public String description() {
        return "the release manifests the chapters apply run images that can still be pulled";
    }

    @Override
    public List<Finding> check(PathContext context) {
        List<Finding> findings = new ArrayList<>();
        StepPlan plan = context.plan();
        for (Map.Entry<String, List<ChapterLine>> release : context.path().releases().entrySet()) {
            for (Step step : plan.steps()) {
                if (!release.getKey().equals(step.url())) {
                    continue;
                }
                for (Overlay overlay : step.overlays()) {
                    if (overlay.replaceImage() == null) {
                        continue;
                    }
                    findings.add(PathContext.at(Severity.WARNING, id(), release.getValue().get(0).location(), release.getKey(),
                            release.getKey() + " runs " + overlay.replaceImage().from() + ": " + overlay.reason() + " Fix: replace it with "
                                    + overlay.replaceImage().to() + " in that Deployment (kubectl set image), or use a release that"
                                    + " does; the harness's stacks apply overlay " + overlay.id() + " and report it"));
                }
            }
        }
        return findings;
    }
}
