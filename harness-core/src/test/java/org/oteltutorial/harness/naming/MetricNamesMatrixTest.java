package org.oteltutorial.harness.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.lint.Linter;
import org.oteltutorial.harness.lint.Severity;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;

/**
 * The metric-name chain across versions: the step-06 stack with one collector tag and spanmetrics settings, one
 * Prometheus tag (and OTLP flag), one Jaeger tag and settings. Per row: the names Prometheus will hold, the names Jaeger
 * will query, and whether the metric-names rule passes.
 */
class MetricNamesMatrixTest {

    private static final Step06 STEP06 = Step06.bundled();

    /**
     * Columns: collector tag | spanmetrics settings ({@code -}: none) | Prometheus tag [OTLP flag replacing the
     * bundled one] | Jaeger tag | Jaeger settings ({@code -}: as bundled; {@code NAME=value} sets an env var,
     * {@code !NAME} removes one, {@code --flag[=value]} adds an argument) | calls and duration Prometheus holds |
     * calls and duration Jaeger queries | pass or fail.
     */
    @ParameterizedTest(name = "[{index}] collector {0} {1}, Prometheus {2}, Jaeger {3} {4}: {7}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # the tutorial as published
            0.94.0  | -                                 | v2.47.2 | 1.54.0 | -                                                     | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            # contrib 0.109 gave the connector a default namespace
            0.108.0 | -                                 | v2.47.2 | 1.54.0 | -                                                     | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            0.109.0 | -                                 | v2.47.2 | 1.54.0 | -                                                     | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | calls_total duration_milliseconds | fail
            0.110.0 | -                                 | v2.47.2 | 1.54.0 | -                                                     | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | calls_total duration_milliseconds | fail
            0.110.0 | {namespace: ""}                   | v2.47.2 | 1.54.0 | -                                                     | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            0.110.0 | -                                 | v2.47.2 | 1.54.0 | PROMETHEUS_QUERY_NAMESPACE=traces_span_metrics        | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | pass
            # Jaeger 1.62 followed with its own default namespace
            0.110.0 | -                                 | v2.47.2 | 1.62.0 | -                                                     | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | pass
            0.94.0  | -                                 | v2.47.2 | 1.62.0 | -                                                     | calls_total duration_milliseconds | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | fail
            0.110.0 | {namespace: ""}                   | v2.47.2 | 1.62.0 | -                                                     | calls_total duration_milliseconds | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | fail
            0.94.0  | {namespace: traces.span.metrics}  | v2.47.2 | 1.62.0 | -                                                     | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | pass
            # the trap: an empty env var does not clear the 1.62 default, the flag does (and wins over the env)
            0.94.0  | -                                 | v2.47.2 | 1.62.0 | PROMETHEUS_QUERY_NAMESPACE=""                         | calls_total duration_milliseconds | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | fail
            0.94.0  | -                                 | v2.47.2 | 1.62.0 | --prometheus.query.namespace=                         | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            0.94.0  | -                                 | v2.47.2 | 1.62.0 | PROMETHEUS_QUERY_NAMESPACE=other --prometheus.query.namespace= | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            0.110.0 | -                                 | v2.47.2 | 1.62.0 | !PROMETHEUS_QUERY_NORMALIZE_CALLS !PROMETHEUS_QUERY_NORMALIZE_DURATION | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | traces_span_metrics_calls traces_span_metrics_duration | fail
            # Prometheus 3 with its OTLP receiver flag adds the same suffixes
            0.94.0  | -                                 | v3.0.0 --web.enable-otlp-receiver | 1.54.0 | -                                   | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            0.110.0 | -                                 | v3.0.0 --web.enable-otlp-receiver | 1.62.0 | -                                   | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | traces_span_metrics_calls_total traces_span_metrics_duration_milliseconds | pass
            # histogram unit: the connector's decides the suffix, Jaeger's duration unit must follow
            0.94.0  | {histogram: {unit: s}}            | v2.47.2 | 1.54.0 | -                                                     | calls_total duration_seconds | calls_total duration_milliseconds | fail
            0.94.0  | {histogram: {unit: s}}            | v2.47.2 | 1.54.0 | PROMETHEUS_QUERY_DURATION_UNIT=s                      | calls_total duration_seconds | calls_total duration_seconds | pass
            0.94.0  | {histogram: {unit: ms}}           | v2.47.2 | 1.54.0 | PROMETHEUS_QUERY_DURATION_UNIT=s                      | calls_total duration_milliseconds | calls_total duration_seconds | fail
            0.94.0  | -                                 | v2.47.2 | 1.54.0 | --prometheus.query.duration-unit=ms                   | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            # Jaeger's normalize flags add _total and the unit
            0.94.0  | -                                 | v2.47.2 | 1.54.0 | !PROMETHEUS_QUERY_NORMALIZE_CALLS                     | calls_total duration_milliseconds | calls duration_milliseconds | fail
            0.94.0  | -                                 | v2.47.2 | 1.54.0 | PROMETHEUS_QUERY_NORMALIZE_CALLS=false                | calls_total duration_milliseconds | calls duration_milliseconds | fail
            0.94.0  | -                                 | v2.47.2 | 1.54.0 | !PROMETHEUS_QUERY_NORMALIZE_DURATION                  | calls_total duration_milliseconds | calls_total duration | fail
            0.94.0  | -                                 | v2.47.2 | 1.54.0 | PROMETHEUS_QUERY_NORMALIZE_CALLS=1                    | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            0.94.0  | -                                 | v2.47.2 | 1.54.0 | !PROMETHEUS_QUERY_NORMALIZE_CALLS --prometheus.query.normalize-calls=true | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            0.94.0  | -                                 | v2.47.2 | 1.54.0 | !PROMETHEUS_QUERY_NORMALIZE_CALLS --prometheus.query.normalize-calls | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            # connector vs. processor names: default true in 1.49-1.57, gone (always connector) from 1.58
            0.94.0  | -                                 | v2.47.2 | 1.54.0 | PROMETHEUS_QUERY_SUPPORT_SPANMETRICS_CONNECTOR=false  | calls_total duration_milliseconds | calls latency | fail
            0.94.0  | -                                 | v2.47.2 | 1.54.0 | !PROMETHEUS_QUERY_SUPPORT_SPANMETRICS_CONNECTOR       | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            0.94.0  | -                                 | v2.47.2 | 1.48.0 | !PROMETHEUS_QUERY_SUPPORT_SPANMETRICS_CONNECTOR       | calls_total duration_milliseconds | calls latency | fail
            0.94.0  | -                                 | v2.47.2 | 1.58.0 | PROMETHEUS_QUERY_SUPPORT_SPANMETRICS_CONNECTOR=false  | calls_total duration_milliseconds | calls_total duration_milliseconds | pass
            """)
    void namesAlongTheChain(String collector, String connector, String prometheus, String jaeger, String jaegerSettings,
            String held, String asked, String verdict) {
        StackModel model = variant(collector, connector, prometheus, jaeger, jaegerSettings).model();
        Topology topology = Topology.of(model);
        MetricNames expectedHeld = names(held);
        MetricNames expectedAsked = names(asked);

        assertThat(StackNames.produced(model, topology).flatMap(NameDerivation::names)).as("names Prometheus will hold")
                .hasValue(expectedHeld);
        assertThat(StackNames.queried(model).flatMap(NameDerivation::names)).as("names Jaeger will query").hasValue(expectedAsked);

        LintResult result = Linter.standard().lint(model);
        List<Finding> findings = result.byRule("metric-names");
        if (verdict.equals("pass")) {
            assertThat(findings).as("metric-names findings").isEmpty();
            assertThat(result.errors()).as("errors of any rule").isEmpty();
            return;
        }
        assertThat(verdict).isEqualTo("fail");
        List<String[]> mismatches = new ArrayList<>();
        if (!expectedHeld.calls().equals(expectedAsked.calls())) {
            mismatches.add(new String[] {expectedHeld.calls(), expectedAsked.calls()});
        }
        if (!expectedHeld.duration().equals(expectedAsked.duration())) {
            mismatches.add(new String[] {expectedHeld.durationBucket(), expectedAsked.durationBucket()});
        }
        assertThat(findings).as("one metric-names error per mismatched name").hasSize(mismatches.size());
        for (int i = 0; i < mismatches.size(); i++) {
            Finding f = findings.get(i);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.resource()).isEqualTo("Deployment observability-backend/jaeger");
            assertThat(f.message()).contains("Prometheus will hold '" + mismatches.get(i)[0] + "'",
                    "Jaeger queries", "'" + mismatches.get(i)[1] + "'");
        }
    }

    private static MetricNames names(String pair) {
        String[] parts = pair.trim().split("\\s+");
        assertThat(parts).as("calls and duration in '%s'", pair).hasSize(2);
        return new MetricNames(parts[0], parts[1]);
    }

    static Step06 variant(String collector, String connector, String prometheus, String jaeger, String jaegerSettings) {
        Step06 s = STEP06;
        if (!collector.equals("0.94.0")) {
            s = s.collectorImageTag(collector);
        }
        if (!connector.equals("-")) {
            s = s.connectorSettings(connector);
        }
        String[] prom = prometheus.trim().split("\\s+");
        if (!prom[0].equals("v2.47.2")) {
            s = s.prometheusImageTag(prom[0]);
        }
        if (prom.length > 1) {
            s = s.prometheusOtlpFlag(prom[1]);
        }
        if (!jaeger.equals("1.54.0")) {
            s = s.jaegerImageTag(jaeger);
        }
        if (!jaegerSettings.equals("-")) {
            for (String token : jaegerSettings.trim().split("\\s+")) {
                if (token.startsWith("--")) {
                    s = s.jaegerArgs(token);
                } else if (token.startsWith("!")) {
                    s = s.withoutJaegerEnv(token.substring(1));
                } else {
                    String name = token.substring(0, token.indexOf('='));
                    String value = token.substring(token.indexOf('=') + 1);
                    s = s.jaegerEnv(name, value.equals("\"\"") ? "" : value);
                }
            }
        }
        return s;
    }
}
