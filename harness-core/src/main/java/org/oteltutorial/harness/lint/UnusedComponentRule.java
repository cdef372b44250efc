package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oteltutorial.harness.collector.CollectorConfig;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.tutorial.CollectorModel;

/** Components defined but used by no pipeline (extensions: not enabled); the collector ignores them. */
final class UnusedComponentRule implements Rule {

    @Override
    public String id() {
        return "unused-component";
    }

    @Override
    public String description() {
        return "components defined but used by no pipeline";
    }

    @Override
    public List<Finding> check(LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (CollectorModel collector : context.model().collectors()) {
            CollectorConfig config = collector.config();
            Set<ComponentId> used = config.pipelines().stream().flatMap(config::references).map(e -> e.getValue())
                    .collect(Collectors.toSet());
            for (ComponentRole role : List.of(ComponentRole.RECEIVER, ComponentRole.PROCESSOR, ComponentRole.EXPORTER, ComponentRole.CONNECTOR)) {
                for (ComponentId id : config.defined(role).keySet()) {
                    if (!used.contains(id)) {
                        findings.add(Finding.warning(id(), collector.source(), role.name().toLowerCase() + " '" + id
                                + "' is defined but no pipeline uses it, so it does nothing; use it in a pipeline or remove it"));
                    }
                }
            }
            for (ComponentId ext : config.defined(ComponentRole.EXTENSION).keySet()) {
                if (!config.extensionsInUse().contains(ext)) {
                    findings.add(Finding.warning(id(), collector.source(), "extension '" + ext
                            + "' is defined but not listed in service.extensions, so it does not run"));
                }
            }
        }
        return findings;
    }
}
