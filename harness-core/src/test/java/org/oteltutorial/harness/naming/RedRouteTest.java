package org.oteltutorial.harness.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.topology.Resolution;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;

class RedRouteTest {

    private static List<RedRoute> routes(StackModel model) {
        return RedRoute.find(model, Topology.of(model));
    }

    @Test
    void theBundledRouteGoesThroughTheMetricsPipelineToPrometheusOtlpReceiver() {
        StackModel model = Step06.bundled().model();

        assertThat(routes(model)).singleElement().satisfies(r -> {
            assertThat(r.connector()).isEqualTo(ComponentId.parse("spanmetrics"));
            assertThat(r.pipeline().id()).isEqualTo("metrics");
            assertThat(r.exporter()).isEqualTo(ComponentId.parse("otlphttp/metrics"));
            assertThat(r.path()).isEqualTo(IngestPath.PROMETHEUS_OTLP_RECEIVER);
            assertThat(r.endpoint()).isEqualTo("http://prometheus.observability-backend.svc.cluster.local:80/api/v1/otlp/v1/metrics");
            assertThat(r.resolution()).get().isInstanceOfSatisfying(Resolution.Reached.class, reached -> {
                assertThat(reached.workload().describe()).isEqualTo("Deployment observability-backend/prometheus");
                assertThat(reached.containerPort()).isEqualTo(9090);
            });
            assertThat(r.reachesPrometheus(model.prometheus())).isTrue();
        });
    }

    @Test
    void metricsEndpointIsUsedAsIs() {
        StackModel model = Step06.bundled().replace(Step06.COLLECTOR,
                "endpoint: http://prometheus.observability-backend.svc.cluster.local:80/api/v1/otlp/",
                "metrics_endpoint: http://prometheus.observability-backend:80/api/v1/otlp/v1/metrics").model();

        assertThat(routes(model)).singleElement().satisfies(r -> {
            assertThat(r.endpoint()).isEqualTo("http://prometheus.observability-backend:80/api/v1/otlp/v1/metrics");
            assertThat(r.reachesPrometheus(model.prometheus())).isTrue();
        });
    }

    @Test
    void remoteWriteReachesPrometheusOnItsWritePath() {
        StackModel model = Step06.bundled()
                .replace(Step06.COLLECTOR, "      otlphttp/metrics:\n        endpoint: http://prometheus.observability-backend.svc.cluster.local:80/api/v1/otlp/\n",
                        "      prometheusremotewrite:\n        endpoint: http://prometheus.observability-backend:80/api/v1/write\n")
                .replace(Step06.COLLECTOR, "exporters: [otlphttp/metrics]", "exporters: [prometheusremotewrite]")
                .model();

        assertThat(routes(model)).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(IngestPath.PROMETHEUS_REMOTE_WRITE);
            assertThat(r.reachesPrometheus(model.prometheus())).isTrue();
        });
    }

    @Test
    void noPrometheusMeansNotReached() {
        StackModel model = Step06.bundled().only(Step06.COLLECTOR).model();

        assertThat(routes(model)).singleElement().satisfies(r -> assertThat(r.reachesPrometheus(model.prometheus())).isFalse());
    }

    @Test
    void exportersThatCannotCarryMetricsToPrometheusMakeNoRoute() {
        StackModel model = Step06.bundled().replace(Step06.COLLECTOR, "exporters: [otlphttp/metrics]", "exporters: [debug]").model();

        assertThat(routes(model)).isEmpty();
    }

    private static Step06 prometheusExporterOn8889() {
        return Step06.bundled()
                .replace(Step06.COLLECTOR, "      otlphttp/metrics:\n        endpoint: http://prometheus.observability-backend.svc.cluster.local:80/api/v1/otlp/\n",
                        "      prometheus:\n        endpoint: 0.0.0.0:8889\n")
                .replace(Step06.COLLECTOR, "exporters: [otlphttp/metrics]", "exporters: [prometheus]")
                .replace(Step06.COLLECTOR, "    - name: metrics\n      port: 8888\n",
                        "    - name: metrics\n      port: 8888\n    - name: promexporter\n      port: 8889\n");
    }

    @Test
    void aPrometheusExporterReachesPrometheusWhenAScrapeTargetReachesIt() {
        StackModel model = prometheusExporterOn8889()
                .replace(Step06.BACKEND, "targets: [\"localhost:9090\"]", "targets: [\"localhost:9090\", \"otel-collector:8889\"]")
                .model();

        assertThat(routes(model)).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(IngestPath.PROMETHEUS_SCRAPE);
            assertThat(r.resolution()).get().isInstanceOfSatisfying(Resolution.Reached.class,
                    reached -> assertThat(reached.containerPort()).isEqualTo(8889));
            assertThat(r.reachesPrometheus(model.prometheus())).isTrue();
        });
    }

    @Test
    void aPrometheusExporterNoScrapeTargetReachesDoesNotReachPrometheus() {
        StackModel model = prometheusExporterOn8889().model();

        assertThat(routes(model)).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(IngestPath.PROMETHEUS_SCRAPE);
            assertThat(r.resolution()).isEmpty();
            assertThat(r.reachesPrometheus(model.prometheus())).isFalse();
        });
    }
}
