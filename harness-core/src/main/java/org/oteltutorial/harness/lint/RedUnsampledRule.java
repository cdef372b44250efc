package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.Pipeline;
import org.oteltutorial.harness.naming.RedRoute;
import org.oteltutorial.harness.tutorial.CollectorModel;

/**
 * The chapter's claim is that RED metrics count every span while Jaeger keeps only sampled traces: the collector
 * needs a spanmetrics connector, fed by traces pipelines with no sampling processor in front of it.
 */
final class RedUnsampledRule implements Rule {

    private static final Set<String> SAMPLING_PROCESSORS = Set.of("tail_sampling", "probabilistic_sampler");

    @Override
    public String id() {
        return "red-unsampled";
    }

    @Override
    public String description() {
        return "a spanmetrics connector exists and gets spans before any sampling";
    }

    @Override
    public List<Finding> check(LintContext context) {
        List<Finding> findings = new ArrayList<>();
        // A stack of several collectors (e.g. a load-balancing gateway) needs the connector in one of them only.
        boolean anyHasConnector = context.model().collectors().stream()
                .anyMatch(c -> !c.config().connectorsOfType(RedRoute.CONNECTOR_TYPE).isEmpty());
        for (CollectorModel collector : context.model().collectors()) {
            List<ComponentId> connectors = collector.config().connectorsOfType(RedRoute.CONNECTOR_TYPE);
            if (connectors.isEmpty() && anyHasConnector) {
                continue;
            }
            if (connectors.isEmpty()) {
                findings.add(Finding.error(id(), collector.source(), "the collector has no spanmetrics connector, so no RED"
                        + " metrics (calls_total, duration_*) are produced and Jaeger's Monitor tab stays empty; add"
                        + " 'connectors: spanmetrics:' and a traces pipeline exporting to it (step 06)"));
                continue;
            }
            for (ComponentId connector : connectors) {
                for (Pipeline p : collector.config().pipelinesExportingTo(connector)) {
                    p.processors().stream().filter(proc -> SAMPLING_PROCESSORS.contains(proc.type())).forEach(proc ->
                            findings.add(Finding.error(id(), collector.source(), "pipeline " + p.id() + " runs " + proc
                                    + " before " + connector + ", so RED metrics count only the sampled spans and"
                                    + " understate calls and errors; feed " + connector + " from a pipeline without sampling"
                                    + " (e.g. traces/spanmetrics: receivers [otlp], exporters [" + connector + "])")));
                }
            }
        }
        return findings;
    }
}
