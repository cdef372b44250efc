package org.oteltutorial.harness.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oteltutorial.harness.tutorial.Step06.BACKEND;
import static org.oteltutorial.harness.tutorial.Step06.COLLECTOR;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.tutorial.Step06;

/**
 * Today's releases, one broken and one good variant per version fact: Jaeger v2's YAML SPM config and flags,
 * collector component renames and feature gates, Prometheus 3's translation strategies.
 */
class ReleaseRulesTest {

    /** Step 06 with the collector at 0.161.0 and the project's Jaeger v2 / Prometheus 3 backend fixture. */
    private static final Step06 TODAY = Step06.bundled().collectorImageTag("0.161.0")
            .with(BACKEND, Step06.resource("lint/jaeger-v2-backend.yaml"));
    private static final String JAEGER = "Deployment observability-backend/jaeger";

    @Nested
    class JaegerV2Spm {

        @Test
        void aV2BackendWithThePrometheusMetricBackendPasses() {
            LintResult result = TODAY.lint();

            Findings.assertNoErrors(result);
            Findings.assertNoFindings(result, "jaeger-spm");
            Findings.assertNoFindings(result, "metric-names");
        }

        @Test
        void withoutStorageMetricsSpmIsOffAndTheSettingIsNamed() {
            LintResult result = TODAY.replace(BACKEND, "          metrics: promstore\n", "").lint();

            Finding f = Findings.only(result, "jaeger-spm");
            assertThat(f.resource()).isEqualTo(JAEGER);
            assertThat(f.message()).contains("extensions.jaeger_query.storage.metrics is not set", "ConfigMap observability-backend/jaeger-config");
        }

        @Test
        void aMetricsStorageThatNamesNoBackendIsAnError() {
            LintResult result = TODAY.replace(BACKEND, "metrics: promstore", "metrics: prom").lint();

            assertThat(Findings.only(result, "jaeger-spm").message())
                    .contains("jaeger_query.storage.metrics is 'prom'", "metric_backends has no entry 'prom'");
        }

        @Test
        void aBackendWithoutEndpointIsAnError() {
            LintResult result = TODAY.replace(BACKEND, "              endpoint: http://prometheus.observability-backend\n", "").lint();

            assertThat(Findings.only(result, "jaeger-spm").message())
                    .contains("metric_backends.promstore.prometheus.endpoint is not set");
        }

        @Test
        void theV1EnvironmentWithoutAConfigIsAnErrorThatSaysV2IgnoresIt() {
            LintResult result = Step06.bundled().replace(BACKEND, "jaegertracing/all-in-one:1.54.0", "jaegertracing/jaeger:2.13.0").lint();

            Finding f = Findings.errors(result, "jaeger-spm").get(0);
            assertThat(f.message()).contains("Jaeger 2.13.0 has no config file", "ignores METRICS_STORAGE_TYPE");
        }

        @Test
        void aSetArgumentOverridesTheConfigFile() {
            Step06 withoutMetrics = TODAY.replace(BACKEND, "          metrics: promstore\n", "");
            LintResult result = withoutMetrics.replace(BACKEND, "            - --config=/etc/jaeger/config.yaml\n",
                    "            - --config=/etc/jaeger/config.yaml\n            - --set=extensions::jaeger_query::storage::metrics=promstore\n")
                    .lint();

            Findings.assertNoFindings(result, "jaeger-spm");
            Findings.assertNoFindings(result, "jaeger-v2-flags");
            Findings.errors(withoutMetrics.lint(), "jaeger-spm");
        }

        @Test
        void aSetArgumentCanBreakWhatTheFileGotRight() {
            LintResult result = TODAY.replace(BACKEND, "            - --config=/etc/jaeger/config.yaml\n",
                    "            - --config=/etc/jaeger/config.yaml\n            - --set\n"
                            + "            - extensions::jaeger_storage::metric_backends::promstore::prometheus::normalize_calls=false\n").lint();

            assertThat(Findings.only(result, "metric-names").message()).contains("as 'traces_span_metrics_calls'", "normalize_calls=false");
        }

        @Test
        void anEndpointThatDoesNotResolveIsNamedWithItsSetting() {
            LintResult result = TODAY.replace(BACKEND, "endpoint: http://prometheus.observability-backend",
                    "endpoint: http://prometheus.monitoring").lint();

            assertThat(Findings.only(result, "endpoint-unresolved").message())
                    .startsWith("prometheus.endpoint http://prometheus.monitoring does not resolve");
        }

        @Test
        void mismatchedNormalisationIsAMetricNamesError() {
            LintResult result = TODAY.replace(BACKEND, "              normalize_calls: true\n", "").lint();

            assertThat(Findings.only(result, "metric-names").message()).contains("Jaeger queries calls as 'traces_span_metrics_calls'",
                    "'traces_span_metrics_calls_total'", "normalize_calls=false (default in 2.13.0)");
        }

        @Test
        void aMetricNamespaceSetToEmptyIsReadFromTheConfig() {
            LintResult result = TODAY.replace(BACKEND, "              normalize_calls: true\n",
                    "              normalize_calls: true\n              metric_namespace: \"\"\n").lint();

            assertThat(Findings.errors(result, "metric-names").get(0).message()).contains("as 'calls_total'",
                    "metric_namespace '' (set in jaeger_storage.metric_backends.promstore.prometheus)");
        }
    }

    @Nested
    class JaegerV2Flags {

        @Test
        void theV1SamplingFlagMakesV2Exit() {
            LintResult result = TODAY.replace(BACKEND, "            - --config=/etc/jaeger/config.yaml\n",
                    "            - --config=/etc/jaeger/config.yaml\n            - --sampling.strategies-file=/etc/jaeger/sampling.json\n").lint();

            assertThat(Findings.only(result, "jaeger-v2-flags").message())
                    .contains("does not know the v1 flag --sampling.strategies-file", "exits");
        }

        @Test
        void configIsAFlagV2Knows() {
            Findings.assertNoFindings(TODAY.lint(), "jaeger-v2-flags");
        }
    }

    @Nested
    class ComponentNames {

        @Test
        void theOldNamesAreDeprecatedAliasesAtToday() {
            LintResult result = TODAY.lint();

            assertThat(result.byRule("collector-component-names")).extracting(Finding::severity).containsOnly(Severity.WARNING);
            assertThat(result.byRule("collector-component-names")).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                    .contains("connector spanmetrics", "calls this type 'span_metrics'", "deprecated alias"))
                    .anySatisfy(m -> assertThat(m).contains("exporter otlphttp/metrics", "'otlp_http'"))
                    .anySatisfy(m -> assertThat(m).contains("exporter otlp/traces", "'otlp_grpc'"));
        }

        @Test
        void theNewNamesOnTheTutorialsCollectorAreRefused() {
            LintResult result = Step06.bundled().replace(COLLECTOR, "    connectors:\n      spanmetrics:\n",
                    "    connectors:\n      span_metrics:\n").edit(COLLECTOR, t -> t.replace("[spanmetrics]", "[span_metrics]")
                            .replace("[otlp, spanmetrics]", "[otlp, span_metrics]")).lint();

            assertThat(Findings.errors(result, "collector-component-names")).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("collector 0.94.0 has no type 'span_metrics'", "use spanmetrics"));
        }

        @Test
        void theNewNamesAtTodayAreFineAndStillTheChaptersConnector() {
            LintResult result = Step06.bundled().collectorImageTag("0.161.0").replace(COLLECTOR, "    connectors:\n      spanmetrics:\n",
                    "    connectors:\n      span_metrics:\n").edit(COLLECTOR, t -> t.replace("[spanmetrics]", "[span_metrics]")
                            .replace("[otlp, spanmetrics]", "[otlp, span_metrics]")).lint();

            assertThat(result.byRule("collector-component-names")).extracting(Finding::message)
                    .noneMatch(m -> m.contains("span_metrics"));
            Findings.assertNoFindings(result, "red-to-prometheus");
            assertThat(Findings.errors(result, "metric-names").get(0).message()).contains("'traces_span_metrics_calls_total'");
        }
    }

    @Nested
    class FeatureGates {

        private Step06 gates(String value) {
            return TODAY.replace(COLLECTOR, "  mode: deployment\n", "  mode: deployment\n  args:\n    feature-gates: " + value + "\n");
        }

        @Test
        void theOtelStatusPrefixBreaksJaegersErrorQuery() {
            LintResult result = gates("spanmetrics.statusCodeConvention.useOtelPrefix").lint();

            assertThat(Findings.only(result, "collector-feature-gates").message())
                    .contains("otel_status_code=\"ERROR\"", "STATUS_CODE_ERROR", "remove the gate");
        }

        @Test
        void secondsAsTheDefaultUnitRenamesTheHistogram() {
            LintResult result = gates("connector.spanmetrics.useSecondAsDefaultMetricsUnit").lint();

            assertThat(Findings.only(result, "metric-names").message())
                    .contains("'traces_span_metrics_duration_seconds_bucket'", "histogram unit s (--feature-gates");
        }

        @Test
        void legacyNamesDropTheDefaultNamespace() {
            LintResult result = gates("connector.spanmetrics.legacyMetricNames").lint();

            assertThat(Findings.errors(result, "metric-names").get(0).message()).contains("Prometheus will hold 'calls_total'",
                    "drops the default namespace");
        }

        @Test
        void aGateTurnedOffExplicitlyChangesNothing() {
            LintResult result = gates("-spanmetrics.statusCodeConvention.useOtelPrefix,-connector.spanmetrics.legacyMetricNames").lint();

            Findings.assertNoErrors(result);
        }
    }

    @Nested
    class PrometheusTranslation {

        private Step06 strategy(String strategy) {
            return TODAY.replace(BACKEND, "      scrape_interval: 15s\n", "      scrape_interval: 15s\n    otlp:\n      translation_strategy: "
                    + strategy + "\n");
        }

        @Test
        void aStrategyThatKeepsDotsBreaksEveryJaegerQuery() {
            LintResult result = strategy("NoUTF8EscapingWithSuffixes").lint();

            assertThat(Findings.errors(result, "prometheus-translation")).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("keeps dots", "service_name", "use UnderscoreEscapingWithSuffixes"));
        }

        @Test
        void withoutSuffixesTheNamesLoseTotal() {
            LintResult result = strategy("UnderscoreEscapingWithoutSuffixes").lint();

            Findings.assertNoFindings(result, "prometheus-translation");
            assertThat(Findings.errors(result, "metric-names").get(0).message()).contains("Prometheus will hold 'traces_span_metrics_calls'");
        }

        @Test
        void theDefaultStrategyIsWhatJaegerQueries() {
            LintResult result = strategy("UnderscoreEscapingWithSuffixes").lint();

            Findings.assertNoErrors(result);
        }

        @Test
        void theOldFeatureFlagIsOnlyWarnedAboutByPrometheus3() {
            LintResult result = TODAY.replace(BACKEND, "--web.enable-otlp-receiver", "--enable-feature=otlp-write-receiver").lint();

            assertThat(Findings.only(result, "prometheus-otlp-flag").message()).contains("Prometheus 3.16.0 ignores",
                    "use --web.enable-otlp-receiver");
        }
    }
}
