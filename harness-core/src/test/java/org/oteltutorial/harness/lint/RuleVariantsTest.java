package org.oteltutorial.harness.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oteltutorial.harness.tutorial.Step06.APP;
import static org.oteltutorial.harness.tutorial.Step06.BACKEND;
import static org.oteltutorial.harness.tutorial.Step06.COLLECTOR;
import static org.oteltutorial.harness.tutorial.Step06.INSTRUMENTATION;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.tutorial.Step06;

/**
 * Per rule: a broken variant of the bundled step-06 manifests that the rule rejects, with a message naming the cause,
 * and the correct variant (the bundled manifests, or a fixed one) that it passes.
 */
class RuleVariantsTest {

    private static final Step06 STEP06 = Step06.bundled();
    private static final String CR = "OpenTelemetryCollector observability-backend/otel";
    private static final String CR_AT = "step-06/collector.yaml:4";
    private static final String JAEGER = "Deployment observability-backend/jaeger";
    private static final String JAEGER_AT = "step-06/backend.yaml:104";
    private static final String PROMETHEUS = "Deployment observability-backend/prometheus";
    private static final String PROMETHEUS_AT = "step-06/backend.yaml:26";

    private static void assertAt(Finding f, Severity severity, String rule, String location, String resource) {
        assertThat(f.severity()).as("severity of %s", f).isEqualTo(severity);
        assertThat(f.rule()).isEqualTo(rule);
        assertThat(f.location()).isEqualTo(location);
        assertThat(f.resource()).isEqualTo(resource);
    }

    @Nested
    class PipelineUndefined {

        @Test
        void anExporterNoSectionDefinesIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "exporters: [otlp/traces]", "exporters: [otlp/jaeger]").lint();

            List<Finding> errors = Findings.errors(result, "pipeline-undefined");
            assertThat(errors).hasSize(1);
            assertAt(errors.get(0), Severity.ERROR, "pipeline-undefined", CR_AT, CR);
            assertThat(errors.get(0).message()).contains("pipeline traces", "exporter 'otlp/jaeger'", "does not define",
                    "refuses to start");
        }

        @Test
        void aProcessorThatIsOnlyAConnectorIsStillUndefined() {
            LintResult result = STEP06.replace(COLLECTOR, "processors: [tail_sampling]", "processors: [spanmetrics]").lint();

            assertThat(Findings.errors(result, "pipeline-undefined")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("processor 'spanmetrics'", "'processors'"));
        }

        @Test
        void aPipelineWithoutExportersIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "          exporters: [debug]\n", "").lint();

            assertThat(Findings.errors(result, "pipeline-undefined")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("pipeline logs has no exporters"));
        }

        @Test
        void anEnabledExtensionThatIsNotDefinedIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "    service:\n", "    service:\n      extensions: [health_check]\n").lint();

            assertThat(Findings.errors(result, "pipeline-undefined")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("'health_check'", "not defined under 'extensions'"));
        }

        @Test
        void theBundledPipelinesReferenceOnlyDefinedComponents() {
            Findings.assertNoFindings(STEP06.lint(), "pipeline-undefined");
        }
    }

    @Nested
    class ConnectorWiring {

        @Test
        void aConnectorNoPipelineExportsToIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "        traces/spanmetrics:\n          receivers: [otlp]\n"
                    + "          exporters: [spanmetrics]\n", "").lint();

            Finding f = Findings.only(result, "connector-wiring");
            assertAt(f, Severity.ERROR, "connector-wiring", CR_AT, CR);
            assertThat(f.message()).contains("connector spanmetrics", "[metrics]", "no pipeline exports to it",
                    "exporters of a traces pipeline");
        }

        @Test
        void aConnectorNoPipelineReceivesFromIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "receivers: [otlp, spanmetrics]", "receivers: [otlp]").lint();

            List<Finding> errors = Findings.errors(result, "connector-wiring");
            assertThat(errors).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("connector spanmetrics", "[traces/spanmetrics]", "no pipeline receives from it",
                            "receivers of a metrics pipeline"));
        }

        @Test
        void aConnectorFedTheWrongSignalIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "          receivers: [otlp]\n          exporters: [debug]\n",
                    "          receivers: [otlp]\n          exporters: [debug, spanmetrics]\n").lint();

            assertThat(Findings.errors(result, "connector-wiring")).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("connector spanmetrics takes [TRACES]", "pipeline logs exports logs"));
        }

        @Test
        void aConnectorReadByTheWrongSignalIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "          receivers: [otlp]\n          exporters: [debug]\n",
                    "          receivers: [otlp, spanmetrics]\n          exporters: [debug]\n").lint();

            assertThat(Findings.errors(result, "connector-wiring")).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("connector spanmetrics produces [METRICS]", "pipeline logs (logs) receives from it"));
        }

        @Test
        void theBundledConnectorJoinsTracesToMetrics() {
            Findings.assertNoFindings(STEP06.lint(), "connector-wiring");
        }
    }

    @Nested
    class UnusedComponent {

        @Test
        void aProcessorNoPipelineUsesIsAWarning() {
            LintResult result = STEP06.replace(COLLECTOR, "    processors:\n", "    processors:\n      batch:\n").lint();

            Finding f = Findings.only(result, "unused-component");
            assertAt(f, Severity.WARNING, "unused-component", CR_AT, CR);
            assertThat(f.message()).contains("processor 'batch'", "no pipeline uses it");
            Findings.assertNoErrors(result);
        }

        @Test
        void anExtensionNotEnabledIsAWarning() {
            LintResult result = STEP06.replace(COLLECTOR, "    connectors:\n", "    extensions:\n      health_check:\n    connectors:\n")
                    .lint();

            assertThat(Findings.only(result, "unused-component").message()).contains("extension 'health_check'",
                    "not listed in service.extensions");
        }

        @Test
        void anEnabledExtensionIsUsed() {
            LintResult result = STEP06.replace(COLLECTOR, "    connectors:\n", "    extensions:\n      health_check:\n    connectors:\n")
                    .replace(COLLECTOR, "    service:\n", "    service:\n      extensions: [health_check]\n").lint();

            Findings.assertNoFindings(result, "unused-component");
            Findings.assertNoErrors(result);
        }

        @Test
        void everyBundledComponentIsUsed() {
            Findings.assertNoFindings(STEP06.lint(), "unused-component");
        }
    }

    @Nested
    class RedUnsampled {

        @Test
        void samplingInFrontOfTheConnectorIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "          receivers: [otlp]\n          exporters: [spanmetrics]\n",
                    "          receivers: [otlp]\n          processors: [tail_sampling]\n          exporters: [spanmetrics]\n").lint();

            Finding f = Findings.only(result, "red-unsampled");
            assertAt(f, Severity.ERROR, "red-unsampled", CR_AT, CR);
            assertThat(f.message()).contains("pipeline traces/spanmetrics runs tail_sampling before spanmetrics",
                    "count only the sampled spans");
        }

        @Test
        void feedingTheConnectorFromTheSampledPipelineIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "exporters: [otlp/traces]", "exporters: [otlp/traces, spanmetrics]").lint();

            assertThat(Findings.only(result, "red-unsampled").message()).contains("pipeline traces runs tail_sampling");
        }

        @Test
        void aCollectorWithoutTheConnectorIsAnError() {
            LintResult result = STEP06
                    .replace(COLLECTOR, "    connectors:\n      spanmetrics:\n", "")
                    .replace(COLLECTOR, "        traces/spanmetrics:\n          receivers: [otlp]\n          exporters: [spanmetrics]\n", "")
                    .replace(COLLECTOR, "receivers: [otlp, spanmetrics]", "receivers: [otlp]")
                    .lint();

            Finding f = Findings.only(result, "red-unsampled");
            assertAt(f, Severity.ERROR, "red-unsampled", CR_AT, CR);
            assertThat(f.message()).contains("no spanmetrics connector", "calls_total");
        }

        @Test
        void theBundledConnectorGetsEverySpan() {
            Findings.assertNoFindings(STEP06.lint(), "red-unsampled");
        }
    }

    @Nested
    class RedToPrometheus {

        @Test
        void anEndpointWithTheFullPathDoublesTheSignalPath() {
            LintResult result = STEP06.replace(COLLECTOR, ":80/api/v1/otlp/\n", ":80/api/v1/otlp/v1/metrics\n").lint();

            Finding f = Findings.only(result, "red-to-prometheus");
            assertAt(f, Severity.ERROR, "red-to-prometheus", CR_AT, CR);
            assertThat(f.message()).contains("exporter otlphttp/metrics", "'/api/v1/otlp/v1/metrics/v1/metrics'",
                    "/api/v1/otlp/v1/metrics", "404");
        }

        @Test
        void metricsThatOnlyReachTheDebugExporterAreAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "exporters: [otlphttp/metrics]", "exporters: [debug]")
                    .replace(COLLECTOR, "      otlphttp/metrics:\n        endpoint: http://prometheus.observability-backend.svc.cluster.local:80/api/v1/otlp/\n"
                            + "        tls:\n          insecure: true\n", "")
                    .lint();

            Finding f = Findings.only(result, "red-to-prometheus");
            assertThat(f.message()).contains("spanmetrics", "no exporter that can reach Prometheus");
        }

        @Test
        void sendingToJaegerInsteadOfPrometheusIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR,
                    "http://prometheus.observability-backend.svc.cluster.local:80/api/v1/otlp/",
                    "http://jaeger-collector.observability-backend.svc.cluster.local:4318/api/v1/otlp/").lint();

            Finding f = Findings.only(result, "red-to-prometheus");
            assertThat(f.message()).contains("Deployment observability-backend/jaeger", "which is not Prometheus",
                    "Deployment observability-backend/prometheus");
        }

        @Test
        void anEndpointThatDoesNotResolveIsNamed() {
            LintResult result = STEP06.replace(COLLECTOR, "svc.cluster.local:80/api/v1/otlp/", "svc.cluster.local:9090/api/v1/otlp/").lint();

            assertThat(Findings.errors(result, "red-to-prometheus")).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("does not resolve", "has no port 9090"));
            assertThat(Findings.errors(result, "endpoint-unresolved")).hasSize(1);
        }

        @Test
        void theBundledExporterReachesPrometheusOtlpReceiver() {
            Findings.assertNoFindings(STEP06.lint(), "red-to-prometheus");
        }
    }

    @Nested
    class MetricNames {

        @Test
        void aCollectorWithTheNewDefaultNamespaceAgainstJaeger154IsAnError() {
            LintResult result = STEP06.collectorImageTag("0.110.0").lint();

            List<Finding> errors = Findings.errors(result, "metric-names");
            assertThat(errors).hasSize(2).allSatisfy(f -> assertAt(f, Severity.ERROR, "metric-names", JAEGER_AT, JAEGER));
            assertThat(errors.get(0).message()).contains("'calls_total'", "'traces_span_metrics_calls_total'", "metrics: []");
            assertThat(errors.get(1).message()).contains("'duration_milliseconds_bucket'",
                    "'traces_span_metrics_duration_milliseconds_bucket'");
        }

        @Test
        void settingTheNamespaceBackToEmptyFixesIt() {
            Findings.assertNoFindings(STEP06.collectorImageTag("0.110.0").connectorSettings("{namespace: \"\"}").lint(), "metric-names");
        }

        @Test
        void jaeger2ReadsItsNamesFromItsYamlConfigSoTheyAreNotGuessedFromEnv() {
            LintResult result = STEP06.replace(BACKEND, "jaegertracing/all-in-one:1.54.0", "jaegertracing/jaeger:2.1.0").lint();

            assertThat(result.byRule("metric-names")).singleElement().satisfies(f -> {
                assertAt(f, Severity.WARNING, "metric-names", JAEGER_AT, JAEGER);
                assertThat(f.message()).contains("cannot check metric names", "Jaeger 2.1.0", "YAML config", "no config file");
            });
            assertThat(Findings.errors(result, "jaeger-spm")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("ignores METRICS_STORAGE_TYPE"));
            assertThat(Findings.errors(result, "jaeger-v2-flags")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("--sampling.strategies-file"));
        }

        @Test
        void theBundledNamesMatch() {
            Findings.assertNoFindings(STEP06.lint(), "metric-names");
        }
    }

    @Nested
    class PrometheusOtlpFlag {

        @Test
        void prometheus2WithoutTheFeatureFlagIsAnError() {
            LintResult result = STEP06.prometheusOtlpFlag(null).lint();

            Finding f = Findings.only(result, "prometheus-otlp-flag");
            assertAt(f, Severity.ERROR, "prometheus-otlp-flag", PROMETHEUS_AT, PROMETHEUS);
            assertThat(f.message()).contains("2.47.2", "--enable-feature=otlp-write-receiver", "404");
        }

        @Test
        void prometheus3WithTheOldFeatureFlagIsAnError() {
            LintResult result = STEP06.prometheusImageTag("v3.0.0").lint();

            Finding f = Findings.only(result, "prometheus-otlp-flag");
            assertAt(f, Severity.ERROR, "prometheus-otlp-flag", PROMETHEUS_AT, PROMETHEUS);
            assertThat(f.message()).contains("3.0.0 ignores --enable-feature=otlp-write-receiver", "--web.enable-otlp-receiver");
        }

        @Test
        void prometheus2WithTheVersion3FlagIsAnError() {
            LintResult result = STEP06.prometheusOtlpFlag("--web.enable-otlp-receiver").lint();

            assertThat(Findings.only(result, "prometheus-otlp-flag").message())
                    .contains("does not know --web.enable-otlp-receiver", "refuses to start", "--enable-feature=otlp-write-receiver");
        }

        @Test
        void prometheusBefore247HasNoOtlpReceiver() {
            LintResult result = STEP06.prometheusImageTag("v2.45.0").lint();

            List<Finding> errors = Findings.errors(result, "prometheus-otlp-flag");
            assertThat(errors).singleElement().satisfies(f -> assertThat(f.message()).contains("2.45.0 has no OTLP receiver", "2.47"));
            assertThat(result.byRule("metric-names")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains("cannot check metric names", "Prometheus 2.45.0 has no OTLP receiver");
            });
        }

        @Test
        void aPrometheusWithoutAVersionTagIsAWarning() {
            LintResult result = STEP06.prometheusImageTag("latest").lint();

            assertThat(result.byRule("prometheus-otlp-flag")).singleElement().satisfies(f -> {
                assertAt(f, Severity.WARNING, "prometheus-otlp-flag", PROMETHEUS_AT, PROMETHEUS);
                assertThat(f.message()).contains("no version tag");
            });
        }

        @Test
        void prometheus3WithItsFlagPasses() {
            LintResult result = STEP06.prometheusImageTag("v3.0.0").prometheusOtlpFlag("--web.enable-otlp-receiver").lint();

            Findings.assertNoFindings(result, "prometheus-otlp-flag");
            Findings.assertNoErrors(result);
        }

        @Test
        void remoteWriteNeedsTheRemoteWriteReceiverFlag() {
            Step06 remoteWrite = STEP06
                    .replace(COLLECTOR, "      otlphttp/metrics:\n        endpoint: http://prometheus.observability-backend.svc.cluster.local:80/api/v1/otlp/\n",
                            "      prometheusremotewrite:\n        endpoint: http://prometheus.observability-backend/api/v1/write\n")
                    .replace(COLLECTOR, "exporters: [otlphttp/metrics]", "exporters: [prometheusremotewrite]");
            Findings.assertNoErrors(remoteWrite.lint());

            LintResult result = remoteWrite.replace(BACKEND, "            - --web.enable-remote-write-receiver\n", "").lint();

            Finding f = Findings.only(result, "prometheus-otlp-flag");
            assertAt(f, Severity.ERROR, "prometheus-otlp-flag", PROMETHEUS_AT, PROMETHEUS);
            assertThat(f.message()).contains("remote-writes", "--web.enable-remote-write-receiver is not set");
        }

        @Test
        void theBundledPrometheus2HasItsFeatureFlag() {
            Findings.assertNoFindings(STEP06.lint(), "prometheus-otlp-flag");
        }
    }

    @Nested
    class EndpointUnresolved {

        @Test
        void anExporterPortTheServiceDoesNotHaveIsAnError() {
            LintResult result = STEP06.replace(COLLECTOR, "endpoint: jaeger-collector:4317", "endpoint: jaeger-collector:4316").lint();

            Finding f = Findings.only(result, "endpoint-unresolved");
            assertAt(f, Severity.ERROR, "endpoint-unresolved", CR_AT, CR);
            assertThat(f.message()).contains("exporter otlp/traces", "jaeger-collector:4316",
                    "Service observability-backend/jaeger-collector has no port 4316");
        }

        @Test
        void jaegerWithoutPrometheusServerUrlDialsItsOwnLoopback() {
            LintResult result = STEP06.withoutJaegerEnv("PROMETHEUS_SERVER_URL").lint();

            Finding f = Findings.only(result, "endpoint-unresolved");
            assertAt(f, Severity.ERROR, "endpoint-unresolved", JAEGER_AT, JAEGER);
            assertThat(f.message()).contains("PROMETHEUS_SERVER_URL http://localhost:9090", "loopback", "HTTP 500");
        }

        @Test
        void jaegerPointedAtItselfIsNotPrometheus() {
            LintResult result = STEP06.jaegerEnv("PROMETHEUS_SERVER_URL", "http://jaeger-query:16686").lint();

            assertThat(Findings.only(result, "endpoint-unresolved").message())
                    .contains("reaches", "Deployment observability-backend/jaeger port 16686", "which is not Prometheus");
        }

        @Test
        void anInstrumentationEndpointInTheWrongNamespaceIsAnError() {
            LintResult result = STEP06.replace(INSTRUMENTATION, "endpoint: http://otel-collector.observability-backend.svc.cluster.local:4317",
                    "endpoint: http://otel-collector:4317").lint();

            Finding f = Findings.only(result, "endpoint-unresolved");
            assertAt(f, Severity.ERROR, "endpoint-unresolved", "step-06/instrumentation.yaml:2",
                    "Instrumentation tutorial-application/my-instrumentation");
            assertThat(f.message()).contains("no Service tutorial-application/otel-collector",
                    "write otel-collector.observability-backend", "never reach the collector");
        }

        @Test
        void aLanguageEnvEndpointIsCheckedToo() {
            LintResult result = STEP06.replace(INSTRUMENTATION, "svc.cluster.local:4318", "svc.cluster.local:4319").lint();

            assertThat(Findings.only(result, "endpoint-unresolved").message()).contains(":4319", "has no port 4319");
        }

        @Test
        void everyBundledEndpointResolves() {
            Findings.assertNoFindings(STEP06.lint(), "endpoint-unresolved");
        }
    }

    @Nested
    class JaegerSpm {

        @Test
        void jaegerWithoutMetricsStorageTypeIsAnError() {
            LintResult result = STEP06.withoutJaegerEnv("METRICS_STORAGE_TYPE").lint();

            Finding f = Findings.only(result, "jaeger-spm");
            assertAt(f, Severity.ERROR, "jaeger-spm", JAEGER_AT, JAEGER);
            assertThat(f.message()).contains("METRICS_STORAGE_TYPE is not set", "501", "METRICS_STORAGE_TYPE=prometheus");
        }

        @Test
        void anotherMetricsStorageTypeIsNamed() {
            LintResult result = STEP06.jaegerEnv("METRICS_STORAGE_TYPE", "elasticsearch").lint();

            assertThat(Findings.only(result, "jaeger-spm").message()).contains("METRICS_STORAGE_TYPE is 'elasticsearch'");
        }

        @Test
        void theBundledJaegerHasSpm() {
            Findings.assertNoFindings(STEP06.lint(), "jaeger-spm");
        }
    }

    @Nested
    class Image {

        @Test
        void aMutableTagIsAWarning() {
            LintResult result = STEP06.only(BACKEND).jaegerImageTag("latest").lint();

            assertThat(result.byRule("image")).singleElement().satisfies(f -> {
                assertAt(f, Severity.WARNING, "image", JAEGER_AT, JAEGER);
                assertThat(f.message()).contains("jaegertracing/all-in-one:latest", "mutable");
            });
        }

        @Test
        void anImageWithoutATagIsAWarning() {
            LintResult result = STEP06.only(BACKEND).replace(BACKEND, "quay.io/prometheus/prometheus:v2.47.2", "prom/prometheus").lint();

            assertThat(result.byRule("image")).singleElement().satisfies(f -> {
                assertAt(f, Severity.WARNING, "image", PROMETHEUS_AT, PROMETHEUS);
                assertThat(f.message()).contains("prom/prometheus", "mutable");
            });
        }

        @Test
        void anImageFromAGoneRegistryIsAWarningEvenWhenPinned() {
            LintResult result = STEP06.only(BACKEND)
                    .replace(BACKEND, "      volumes:\n        - name: prometheus-config-volume\n",
                            "        - name: kube-rbac-proxy\n          image: gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1\n"
                                    + "      volumes:\n        - name: prometheus-config-volume\n")
                    .lint();

            assertThat(result.byRule("image")).singleElement().satisfies(f -> {
                assertAt(f, Severity.WARNING, "image", PROMETHEUS_AT, PROMETHEUS);
                assertThat(f.message()).contains("gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1", "cannot be pulled");
            });
        }

        @Test
        void aCollectorCrWithoutImageGetsTheOperatorsUnknownDefault() {
            LintResult result = STEP06.only(COLLECTOR).replace(COLLECTOR,
                    "  image: ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.94.0\n", "").lint();

            assertThat(result.byRule("image")).singleElement().satisfies(f -> {
                assertAt(f, Severity.WARNING, "image", CR_AT, CR);
                assertThat(f.message()).contains("container otc-container has no image", "operator's default");
            });
            Findings.assertNoErrors(result);
        }

        @Test
        void aDigestPinsEvenTheLatestTag() {
            LintResult result = STEP06.only(APP).replace(APP, "backend1:latest", "backend1:latest@sha256:"
                    + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef").lint();

            assertThat(result.byRule("image")).hasSize(2).noneMatch(f -> f.resource().contains("backend1"));
        }

        @Test
        void pinnedImagesPass() {
            Findings.assertNoFindings(STEP06.only(BACKEND, COLLECTOR).lint(), "image");
        }
    }
}
