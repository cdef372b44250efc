package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oteltutorial.harness.collector.CollectorConfig;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.collector.Pipeline;
import org.oteltutorial.harness.tutorial.CollectorModel;

/** Every component a pipeline names is defined, and every pipeline has a receiver and an exporter. */
final class PipelineReferencesRule implements Rule {

    @Override
    public String id() {
        return "pipeline-undefined";
    }

    @Override
    public String description() {
        return "every component a pipeline names is defined; every pipeline has receivers and exporters";
    }

    @Override
    public List<Finding> check(LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (CollectorModel collector : context.model().collectors()) {
            CollectorConfig config = collector.config();
            for (Pipeline p : config.pipelines()) {
                config.references(p).filter(ref -> !defined(config, ref)).forEach(ref -> findings.add(Finding.error(id(),
                        collector.source(), "pipeline " + p.id() + " names " + ref.getKey().name().toLowerCase() + " '"
                                + ref.getValue() + "', which " + collector.configOrigin() + " does not define; the collector refuses"
                                + " to start. Define it under '" + sectionFor(ref.getKey()) + "' or remove it from the pipeline")));
                if (p.receivers().isEmpty() || p.exporters().isEmpty()) {
                    findings.add(Finding.error(id(), collector.source(), "pipeline " + p.id() + " has no "
                            + (p.receivers().isEmpty() ? "receivers" : "exporters") + "; the collector refuses to start"));
                }
            }
            for (ComponentId ext : config.extensionsInUse()) {
                if (!config.isDefined(ComponentRole.EXTENSION, ext)) {
                    findings.add(Finding.error(id(), collector.source(), "service.extensions names '" + ext
                            + "', which is not defined under 'extensions'; the collector refuses to start"));
                }
            }
        }
        return findings;
    }

    private static boolean defined(CollectorConfig config, Map.Entry<ComponentRole, ComponentId> ref) {
        return config.isDefined(ref.getKey(), ref.getValue())
                || (ref.getKey() != ComponentRole.PROCESSOR && config.isDefined(ComponentRole.CONNECTOR, ref.getValue()));
    }

    private static String sectionFor(ComponentRole role) {
        return role == ComponentRole.PROCESSOR ? "processors" : role.section() + "' (or 'connectors";
    }
}
