package org.oteltutorial.harness.verify;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.lint.Linter;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.query.PrometheusQueryException;
import org.oteltutorial.harness.tutorial.StackModel;

/**
 * Explains a failed dynamic check with the static model: the lint findings that predict it, and the RED-like metric
 * names Prometheus actually holds. Works also when the run skipped the lint gate ({@code --no-lint}).
 */
final class Diagnosis {

    private final StackModel model;
    private final PrometheusClient prometheus;
    private LintResult lint;

    Diagnosis(StackModel model, PrometheusClient prometheus) {
        this.model = model;
        this.prometheus = prometheus;
    }

    /**
     * Metric names in Prometheus that look like spanmetrics output: those whose series carry a {@code service_name}
     * label (Prometheus' own metrics do not) and whose name speaks of calls, durations or latency.
     */
    HeldNames heldRedNames() {
        try {
            return new HeldNames(prometheus.labelValues("__name__", List.of("{service_name=~\".+\"}")).stream()
                    .filter(n -> n.contains("calls") || n.contains("duration") || n.contains("latency")).toList(), null);
        } catch (PrometheusQueryException e) {
            return new HeldNames(List.of(), e.getMessage());
        }
    }

    /** What Prometheus holds, or why it could not say. */
    record HeldNames(List<String> names, String queryError) {

        boolean none() {
            return queryError == null && names.isEmpty();
        }

        /** "no RED-like metric at all", "calls_total, duration_milliseconds_bucket", or the failed query. */
        String describe() {
            if (queryError != null) {
                return "(Prometheus' label query failed: " + queryError + ")";
            }
            return names.isEmpty() ? "no RED-like metric at all" : String.join(", ", names);
        }
    }

    String forMissingSeries() {
        return "; Prometheus holds " + heldRedNames().describe()
                + cause(Set.of("metric-names", "red-to-prometheus", "prometheus-otlp-flag", "red-unsampled", "pipeline-undefined",
                        "connector-wiring"));
    }

    String forShortCounts() {
        return cause(Set.of("red-unsampled"));
    }

    String forEmptySpm() {
        return cause(Set.of("metric-names", "jaeger-spm", "endpoint-unresolved"));
    }

    private String cause(Set<String> rules) {
        List<Finding> findings = lint().errors().stream().filter(f -> rules.contains(f.rule())).toList();
        if (findings.isEmpty()) {
            return "";
        }
        return ". Likely cause (static check): " + findings.stream().map(f -> "[" + f.rule() + "] " + f.message())
                .collect(Collectors.joining(" / "));
    }

    private synchronized LintResult lint() {
        if (lint == null) {
            lint = Linter.standard().lint(model);
        }
        return lint;
    }
}
