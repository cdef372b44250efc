package org.oteltutorial.harness.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oteltutorial.harness.tutorial.Step06.BACKEND;
import static org.oteltutorial.harness.tutorial.Step06.COLLECTOR;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;

/**
 * Nothing about the tutorial is hard-coded: variants that rename things consistently pass, and the same renames
 * without their followers fail, naming what no longer resolves.
 */
class ConsistentRenameTest {

    private static final Step06 STEP06 = Step06.bundled();

    @Nested
    class PrometheusServiceRenamedToPort9090 {

        private final Step06 renamed = STEP06
                .replace(BACKEND, "kind: Service\nmetadata:\n  name: prometheus\n", "kind: Service\nmetadata:\n  name: prom-otlp\n")
                .replace(BACKEND, "      port: 80\n      targetPort: 9090\n", "      port: 9090\n      targetPort: 9090\n");

        @Test
        void passesWhenTheExporterAndJaegerFollow() {
            LintResult result = renamed
                    .replace(COLLECTOR, "http://prometheus.observability-backend.svc.cluster.local:80/api/v1/otlp/",
                            "http://prom-otlp.observability-backend.svc.cluster.local:9090/api/v1/otlp/")
                    .jaegerEnv("PROMETHEUS_SERVER_URL", "http://prom-otlp.observability-backend:9090")
                    .lint();

            Findings.assertNoErrors(result);
            Findings.assertOnlyAppImageWarnings(result);
        }

        @Test
        void failsWhereTheOldNameIsStillUsed() {
            LintResult result = renamed.lint();

            assertThat(result.errors()).extracting(Finding::rule)
                    .containsExactlyInAnyOrder("red-to-prometheus", "endpoint-unresolved", "endpoint-unresolved");
            assertThat(result.errors()).allSatisfy(f -> assertThat(f.message()).contains("no Service observability-backend/prometheus"));
            assertThat(result.errors()).extracting(Finding::resource).contains("Deployment observability-backend/jaeger",
                    "OpenTelemetryCollector observability-backend/otel");
        }
    }

    @Nested
    class JaegerCollectorServiceRenamed {

        private final Step06 renamed = STEP06.replace(BACKEND, "  name: jaeger-collector\n", "  name: jaeger-otlp\n");

        @Test
        void passesWhenTheOtlpExporterFollows() {
            LintResult result = renamed.replace(COLLECTOR, "endpoint: jaeger-collector:4317", "endpoint: jaeger-otlp:4317").lint();

            Findings.assertNoErrors(result);
            Findings.assertOnlyAppImageWarnings(result);
        }

        @Test
        void failsWhenTheOtlpExporterDoesNot() {
            Finding f = Findings.only(renamed.lint(), "endpoint-unresolved");

            assertThat(f.message()).contains("exporter otlp/traces", "no Service observability-backend/jaeger-collector");
        }
    }

    @Nested
    class InstrumentationThroughTheHeadlessCollectorService {

        @Test
        void passes() {
            LintResult result = STEP06.replace(Step06.INSTRUMENTATION, "http://otel-collector.observability-backend.svc.cluster.local:4317",
                    "http://otel-collector-headless.observability-backend.svc.cluster.local:4317").lint();

            Findings.assertNoErrors(result);
            Findings.assertOnlyAppImageWarnings(result);
        }
    }

    @Nested
    class NamedTargetPort {

        private final Step06 named = STEP06.replace(BACKEND, "            - containerPort: 9090\n",
                "            - name: web\n              containerPort: 9090\n");

        @Test
        void aServiceTargetingTheContainerPortByNamePasses() {
            LintResult result = named.replace(BACKEND, "      targetPort: 9090\n", "      targetPort: web\n").lint();

            Findings.assertNoErrors(result);
            Findings.assertOnlyAppImageWarnings(result);
        }

        @Test
        void aNameNoContainerPortHasFails() {
            LintResult result = named.replace(BACKEND, "      targetPort: 9090\n", "      targetPort: http\n").lint();

            assertThat(result.errors()).extracting(Finding::rule)
                    .containsExactlyInAnyOrder("red-to-prometheus", "endpoint-unresolved", "endpoint-unresolved");
            assertThat(result.errors()).allSatisfy(f -> assertThat(f.message()).contains("the port named 'http'", "does not listen there"));
        }
    }

    @Nested
    class CollectorFromAConfigMapInsteadOfTheOperator {

        private final Step06 plain = STEP06.with(COLLECTOR, Step06.resource("lint/collector-deployment.yaml"));

        @Test
        void passes() {
            LintResult result = plain.lint();

            Findings.assertNoErrors(result);
            Findings.assertOnlyAppImageWarnings(result);
        }

        @Test
        void isModelledFromTheMountedConfig() {
            StackModel model = plain.model();

            assertThat(model.collectors()).singleElement().satisfies(c -> {
                assertThat(c.configOrigin()).isEqualTo("ConfigMap observability-backend/otel-collector-conf key collector.yaml");
                assertThat(c.source().describe()).isEqualTo("Deployment observability-backend/otel-collector");
                assertThat(c.version()).hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("0.94.0"));
                assertThat(c.config().connectorsOfType("spanmetrics")).hasSize(1);
            });
        }

        @Test
        void itsRulesStillApply() {
            LintResult result = plain.replace(COLLECTOR, "          receivers: [otlp]\n          exporters: [spanmetrics]\n",
                    "          receivers: [otlp]\n          processors: [tail_sampling]\n          exporters: [spanmetrics]\n").lint();

            Finding f = Findings.only(result, "red-unsampled");
            assertThat(f.resource()).isEqualTo("Deployment observability-backend/otel-collector");
            assertThat(f.location()).isEqualTo("step-06/collector.yaml:54");
        }

        @Test
        void aNewerImageIsJudgedByItsOwnTag() {
            LintResult result = plain.replace(COLLECTOR, "opentelemetry-collector-contrib:0.94.0", "opentelemetry-collector-contrib:0.110.0")
                    .lint();

            assertThat(Findings.errors(result, "metric-names")).hasSize(2);
            assertThat(plain.model().collector()).map(CollectorModel::configOrigin).hasValue(
                    "ConfigMap observability-backend/otel-collector-conf key collector.yaml");
        }
    }
}
