package org.oteltutorial.harness.verify;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.lint.Linter;
import org.oteltutorial.harness.query.PrometheusClient;
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
    String heldRedNames() {
        try {
            return prometheus.labelValues("__name__", List.of("{service_name=~\".+\"}")).stream()
                    .filter(n -> n.contains("calls") || n.contains("duration") || n.contains("latency"))
                    .collect(Collectors.joining(", "));
        } catch (RuntimeException e) {
            return "";
        }
    }

    String forMissingSeries() {
        String held = heldRedNames();
        return (held.isEmpty() ? "; Prometheus holds no RED-like metric at all" : "; Prometheus holds " + held)
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
