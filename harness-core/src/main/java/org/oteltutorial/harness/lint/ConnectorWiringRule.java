package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import org.oteltutorial.harness.collector.CollectorConfig;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.collector.Pipeline;
import org.oteltutorial.harness.tutorial.CollectorModel;

/**
 * A connector joins two pipelines: it is an exporter in one and a receiver in another, and each end carries a
 * signal the connector supports (spanmetrics: traces in, metrics out).
 */
final class ConnectorWiringRule implements Rule {

    @Override
    public String id() {
        return "connector-wiring";
    }

    @Override
    public String description() {
        return "each connector is an exporter in one pipeline and a receiver in another, of the signals it supports";
    }

    @Override
    public List<Finding> check(LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (CollectorModel collector : context.model().collectors()) {
            CollectorConfig config = collector.config();
            for (ComponentId connector : config.defined(ComponentRole.CONNECTOR).keySet()) {
                List<Pipeline> into = config.pipelinesExportingTo(connector);
                List<Pipeline> outOf = config.pipelinesReceivingFrom(connector);
                if (into.isEmpty() && outOf.isEmpty()) {
                    continue; // unused: the unused-component rule reports it
                }
                if (into.isEmpty()) {
                    findings.add(Finding.error(id(), collector.source(), "connector " + connector + " is a receiver of "
                            + ids(outOf) + " but no pipeline exports to it, so it never gets data; the collector refuses"
                            + " to start. Add it to the exporters of a " + consumesHint(connector) + " pipeline"));
                }
                if (outOf.isEmpty()) {
                    findings.add(Finding.error(id(), collector.source(), "connector " + connector + " is an exporter of "
                            + ids(into) + " but no pipeline receives from it, so what it produces goes nowhere; the collector"
                            + " refuses to start. Add it to the receivers of a " + producesHint(connector) + " pipeline"));
                }
                ConnectorSignals.of(connector.canonicalType()).ifPresent(signals -> {
                    into.stream().filter(p -> !signals.consumes().contains(p.signal())).forEach(p -> findings.add(
                            Finding.error(id(), collector.source(), "connector " + connector + " takes " + signals.consumes()
                                    + " but pipeline " + p.id() + " exports " + p.signal().id() + " to it; the collector refuses to start")));
                    outOf.stream().filter(p -> !signals.produces().contains(p.signal())).forEach(p -> findings.add(
                            Finding.error(id(), collector.source(), "connector " + connector + " produces " + signals.produces()
                                    + " but pipeline " + p.id() + " (" + p.signal().id() + ") receives from it; the collector refuses to start")));
                });
            }
        }
        return findings;
    }

    private static String consumesHint(ComponentId c) {
        return ConnectorSignals.of(c.canonicalType()).map(s -> s.consumes().size() == 1 ? s.consumes().iterator().next().id() : "").orElse("");
    }

    private static String producesHint(ComponentId c) {
        return ConnectorSignals.of(c.canonicalType()).map(s -> s.produces().size() == 1 ? s.produces().iterator().next().id() : "").orElse("");
    }

    private static List<String> ids(List<Pipeline> pipelines) {
        return pipelines.stream().map(Pipeline::id).toList();
    }
}
