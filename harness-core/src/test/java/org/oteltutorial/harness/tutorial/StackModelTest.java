package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StackModelTest {

    private static final Step06 PLAIN_COLLECTOR = Step06.bundled().with(Step06.COLLECTOR, Step06.resource("lint/collector-deployment.yaml"));

    @Test
    void findsTheChaptersProgramsByImage() {
        StackModel model = StackModel.from(new ManifestLoader().bundled());

        assertThat(model.workloads()).extracting(Workload::describe).containsExactly("Deployment observability-backend/prometheus",
                "Deployment observability-backend/jaeger", "Deployment tutorial-application/backend1-deployment",
                "Deployment tutorial-application/backend2-deployment", "Deployment tutorial-application/frontend-deployment",
                "Deployment (from OpenTelemetryCollector) observability-backend/otel-collector");
        assertThat(model.collectors()).singleElement().satisfies(c -> {
            assertThat(c.configOrigin()).isEqualTo("OpenTelemetryCollector observability-backend/otel spec.config");
            assertThat(c.source().location()).isEqualTo("step-06/collector.yaml:4");
            assertThat(c.version()).hasValue(new Version(0, 94, 0));
            assertThat(c.config().pipelines()).hasSize(4);
        });
        assertThat(model.prometheus()).hasValueSatisfying(p -> {
            assertThat(p.source().describe()).isEqualTo("Deployment observability-backend/prometheus");
            assertThat(p.version()).hasValue(new Version(2, 47, 2));
            assertThat(p.config()).hasValueSatisfying(f -> {
                assertThat(f.origin()).isEqualTo("ConfigMap observability-backend/prometheus-conf key prometheus.yml");
                assertThat(f.path()).isEqualTo("/etc/prometheus/prometheus.yml");
                assertThat(f.text()).contains("localhost:9090");
            });
        });
        assertThat(model.jaeger()).hasValueSatisfying(j -> assertThat(j.version()).hasValue(new Version(1, 54, 0)));
        assertThat(model.services()).extracting(SourcedService::describe).contains("Service observability-backend/prometheus",
                "Service observability-backend/otel-collector", "Service observability-backend/otel-collector-headless", "Service observability-backend/otel-collector-monitoring",
                "Service tutorial-application/frontend-service");
    }

    @Test
    void anAppWithoutTheBackendHasNoComponents() {
        StackModel model = Step06.bundled().only(Step06.APP).model();

        assertThat(model.collectors()).isEmpty();
        assertThat(model.prometheus()).isEmpty();
        assertThat(model.jaeger()).isEmpty();
        assertThat(model.collector()).isEmpty();
        assertThat(model.workloads()).hasSize(3);
    }

    @Test
    void readsACollectorConfigFromAMountedConfigMap() {
        assertThat(PLAIN_COLLECTOR.model().collectors()).singleElement()
                .satisfies(c -> assertThat(c.configOrigin()).isEqualTo("ConfigMap observability-backend/otel-collector-conf key collector.yaml"));
    }

    @Test
    void readsTheConfigFlagWithASeparateValueAndAFileScheme() {
        assertThat(PLAIN_COLLECTOR.replace(Step06.COLLECTOR, "- --config=/conf/collector.yaml", "- --config\n            - /conf/collector.yaml")
                .model().collectors()).hasSize(1);
        assertThat(PLAIN_COLLECTOR.replace(Step06.COLLECTOR, "- --config=/conf/collector.yaml", "- --config=file:/conf/collector.yaml")
                .model().collectors()).hasSize(1);
    }

    @Test
    void readsAConfigMountedWithSubPath() {
        StackModel model = PLAIN_COLLECTOR
                .replace(Step06.COLLECTOR, "- --config=/conf/collector.yaml", "- --config=/etc/otelcol/config.yaml")
                .replace(Step06.COLLECTOR, "              mountPath: /conf\n",
                        "              mountPath: /etc/otelcol/config.yaml\n              subPath: collector.yaml\n")
                .model();

        assertThat(model.collectors()).singleElement()
                .satisfies(c -> assertThat(c.configOrigin()).isEqualTo("ConfigMap observability-backend/otel-collector-conf key collector.yaml"));
    }

    @Test
    void readsAConfigMountedUnderAnotherFileNameThroughItems() {
        Step06 items = PLAIN_COLLECTOR
                .replace(Step06.COLLECTOR, "            name: otel-collector-conf\n",
                        "            name: otel-collector-conf\n            items: [{key: collector.yaml, path: otel.yaml}]\n");

        assertThat(items.model().collectors()).isEmpty();
        assertThat(items.replace(Step06.COLLECTOR, "- --config=/conf/collector.yaml", "- --config=/conf/otel.yaml").model().collectors())
                .singleElement().satisfies(c -> assertThat(c.configOrigin()).endsWith("key collector.yaml"));
    }

    @Test
    void aConfigMapInAnotherNamespaceIsNotMounted() {
        StackModel model = PLAIN_COLLECTOR.replace(Step06.COLLECTOR, "  name: otel-collector-conf\n  namespace: observability-backend\n",
                "  name: otel-collector-conf\n  namespace: default\n").model();

        assertThat(model.collectors()).isEmpty();
    }

    @Test
    void aMountedConfigThatIsNotYamlIsBadInputNamingWhere() {
        Step06 broken = PLAIN_COLLECTOR.replace(Step06.COLLECTOR, "        verbosity: detailed\n", "        verbosity: [detailed\n");

        assertThatThrownBy(broken::model).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("step-06/collector.yaml:3 ConfigMap observability-backend/otel-collector-conf key collector.yaml: not valid YAML");
    }

    @Test
    void theCollectorOfTheChapterIsTheOneWithTheConnector() {
        String second = Step06.resource("lint/collector-deployment.yaml")
                .replace("name: otel-collector", "name: gateway")
                .replace("name: otel-collector-conf", "name: gateway-conf")
                .replace("      spanmetrics:\n", "      forward:\n")
                .replace("exporters: [spanmetrics]", "exporters: [forward]")
                .replace("receivers: [otlp, spanmetrics]", "receivers: [otlp, forward]");
        StackModel model = Step06.bundled().with("a-gateway.yaml", second).model();

        assertThat(model.collectors()).hasSize(2);
        assertThat(model.collectors().get(0).configOrigin()).isEqualTo("OpenTelemetryCollector observability-backend/otel spec.config");
        assertThat(Step06.bundled().only("backend.yaml").with("a-gateway.yaml", second).model().collector())
                .hasValueSatisfying(c -> assertThat(c.source().name()).isEqualTo("gateway"));
        assertThat(model.collector()).hasValueSatisfying(c -> assertThat(c.source().name()).isEqualTo("otel"));
    }

    @Test
    void aPodAndAStatefulSetAreWorkloadsToo() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata: {name: jaeger, namespace: t, labels: {app: j}}
                spec:
                  containers: [{name: j, image: 'jaegertracing/all-in-one:1.62.0'}]
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: prom, namespace: t}
                spec:
                  serviceName: prom
                  selector: {matchLabels: {app: p}}
                  template:
                    metadata: {labels: {app: p}}
                    spec:
                      containers: [{name: p, image: 'prom/prometheus:v3.0.0'}]
                """;
        StackModel model = StackModel.from(new Manifests(new ManifestLoader().parse("t.yaml", text)));

        assertThat(model.workloads()).extracting(Workload::describe).containsExactly("Pod t/jaeger", "StatefulSet t/prom");
        assertThat(model.jaeger()).hasValueSatisfying(j -> assertThat(j.workload().podLabels()).containsEntry("app", "j"));
        assertThat(model.prometheus()).hasValueSatisfying(p -> assertThat(p.config()).isEmpty());
    }
}
