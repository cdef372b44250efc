package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.naming.NameDerivation;
import org.oteltutorial.harness.naming.StackNames;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.JaegerModel;

/**
 * The names Prometheus will hold (collector version and connector settings, Prometheus version and ingest path)
 * are the names Jaeger will query (Jaeger version and its settings). On a mismatch Jaeger answers
 * {@code metrics: []}, not an error: the Monitor tab is silently empty.
 */
final class MetricNamesRule implements Rule {

    @Override
    public String id() {
        return "metric-names";
    }

    @Override
    public String description() {
        return "the RED metric names Prometheus will hold are the ones Jaeger queries";
    }

    @Override
    public List<Finding> check(LintContext context) {
        Optional<NameDerivation> produced = StackNames.produced(context.model(), context.topology());
        Optional<NameDerivation> queried = StackNames.queried(context.model());
        Optional<CollectorModel> collector = context.model().collector();
        Optional<JaegerModel> jaeger = context.model().jaeger();
        if (produced.isEmpty() || queried.isEmpty() || collector.isEmpty() || jaeger.isEmpty() || context.model().prometheus().isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        if (produced.get().names().isEmpty()) {
            findings.add(Finding.warning(id(), collector.get().source(), "cannot check metric names: " + produced.get().explain()));
            return findings;
        }
        if (queried.get().names().isEmpty()) {
            findings.add(Finding.warning(id(), jaeger.get().source(), "cannot check metric names: " + queried.get().explain()));
            return findings;
        }
        MetricNames held = produced.get().names().get();
        MetricNames asked = queried.get().names().get();
        if (!held.calls().equals(asked.calls())) {
            findings.add(mismatch(jaeger.get(), "calls", held.calls(), asked.calls(), produced.get(), queried.get()));
        }
        if (!held.durationBucket().equals(asked.durationBucket())) {
            findings.add(mismatch(jaeger.get(), "latency", held.durationBucket(), asked.durationBucket(), produced.get(), queried.get()));
        }
        return findings;
    }

    private Finding mismatch(JaegerModel jaeger, String what, String held, String asked, NameDerivation produced, NameDerivation queried) {
        return Finding.error(id(), jaeger.source(), "Jaeger queries " + what + " as '" + asked + "' but Prometheus will hold '"
                + held + "', so SPM answers metrics: [] and the Monitor tab stays empty. Prometheus side: " + produced.explain()
                + ". Jaeger side: " + queried.explain() + ". Align them, e.g. set the connector's namespace or " + (jaeger.isV2()
                        ? "metric_namespace / normalize_calls / normalize_duration / latency_unit of Jaeger's prometheus metric backend"
                        : "Jaeger's PROMETHEUS_QUERY_NAMESPACE / NORMALIZE_* / DURATION_UNIT (an empty env var is ignored: use the flag"
                                + " --prometheus.query.namespace= to clear it)"));
    }
}
