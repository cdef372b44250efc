package org.oteltutorial.harness.lint;

import java.util.List;
import org.oteltutorial.harness.tutorial.ContainerArgs;
import org.oteltutorial.harness.tutorial.Workload;

/** A workload runs a collector whose config these manifests do not hold, so the pipeline rules could not judge it. */
final class CollectorConfigRule implements Rule {

    @Override
    public String id() {
        return "collector-config";
    }

    @Override
    public String description() {
        return "every collector's config is in the manifests, so the pipeline rules can read it";
    }

    @Override
    public List<Finding> check(LintContext context) {
        return context.model().unreadCollectors().stream().map(this::finding).toList();
    }

    private Finding finding(Workload w) {
        String config = w.containers().stream().map(ContainerArgs::of).map(a -> a.value("config").orElse(null))
                .filter(java.util.Objects::nonNull).findFirst().map(path -> "its --config " + path + " is")
                .orElse("it is given no --config, so its config is");
        return Finding.warning(id(), w.source(), w.describe() + " runs a collector, but " + config + " not in a ConfigMap of"
                + " these manifests, so its pipelines could not be checked; lint the ConfigMap with it");
    }
}
