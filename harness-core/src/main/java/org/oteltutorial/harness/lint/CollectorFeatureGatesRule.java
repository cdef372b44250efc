package org.oteltutorial.harness.lint;

import java.util.List;
import org.oteltutorial.harness.naming.VersionFacts;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.FeatureGates;

/**
 * Feature gates that break Jaeger's SPM without changing a metric name: {@code spanmetrics.statusCodeConvention.useOtelPrefix}
 * turns the status label into {@code otel.status_code=ERROR}, which Jaeger's error query
 * ({@code status_code="STATUS_CODE_ERROR"}) never matches. Gates that change names (seconds unit, legacy names) are
 * in the name model, so {@code metric-names} judges them.
 */
final class CollectorFeatureGatesRule implements Rule {

    @Override
    public String id() {
        return "collector-feature-gates";
    }

    @Override
    public String description() {
        return "no --feature-gates setting that changes the spanmetrics labels Jaeger queries";
    }

    @Override
    public List<Finding> check(LintContext context) {
        return context.model().collectors().stream()
                .filter(c -> !c.config().connectorsOfType("spanmetrics").isEmpty())
                .filter(c -> c.featureGates().enabled(VersionFacts.GATE_OTEL_STATUS, false))
                .map(this::finding)
                .toList();
    }

    private Finding finding(CollectorModel collector) {
        return Finding.error(id(), collector.source(), "--" + FeatureGates.FLAG + " turns on " + VersionFacts.GATE_OTEL_STATUS
                + ": error spans are labelled otel_status_code=\"ERROR\" instead of status_code=\"STATUS_CODE_ERROR\", which"
                + " Jaeger's error-rate query selects, so the Monitor tab shows no errors; remove the gate");
    }
}
