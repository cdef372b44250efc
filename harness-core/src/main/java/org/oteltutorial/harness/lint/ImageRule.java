package org.oteltutorial.harness.lint;

import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oteltutorial.harness.tutorial.ImageRef;
import org.oteltutorial.harness.tutorial.Workload;

/** Images that may change under the tutorial (mutable tags) or can no longer be pulled (registries known to be gone). */
final class ImageRule implements Rule {

    /** Registry/repository prefixes known to be gone, with the reason. */
    private static final Map<String, String> GONE = Map.of(
            "gcr.io/kubebuilder/", "gcr.io/kubebuilder images were announced unavailable after March 2025");

    @Override
    public String id() {
        return "image";
    }

    @Override
    public String description() {
        return "images have pinned tags and come from registries that still serve them";
    }

    @Override
    public List<Finding> check(LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Workload w : context.model().workloads()) {
            for (Container c : w.containers()) {
                if (c.getImage() == null) {
                    findings.add(Finding.warning(id(), w.source(), "container " + c.getName() + " has no image; the operator's"
                            + " default applies, whose version is unknown here"));
                    continue;
                }
                ImageRef image = ImageRef.parse(c.getImage());
                if (image.isMutable()) {
                    findings.add(Finding.warning(id(), w.source(), "image " + image + " has a mutable tag, so a run can get a"
                            + " different build than the last one; pin a version or a digest"));
                }
                GONE.entrySet().stream().filter(g -> (image.registry() + "/" + image.repository()).startsWith(g.getKey()))
                        .forEach(g -> findings.add(Finding.warning(id(), w.source(), "image " + image + " cannot be pulled: "
                                + g.getValue() + "; replace it")));
            }
        }
        return findings;
    }
}
