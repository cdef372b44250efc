package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class FailureBundleTest {

    private static final String BACKEND = "observability-backend";
    private static final String APP = "tutorial-application";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path report;

    @BeforeEach
    void cluster() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(BACKEND).endMetadata().build()).create();
        client.resource(new CustomResourceDefinitionBuilder().withNewMetadata().withName("opentelemetrycollectors.opentelemetry.io").endMetadata()
                .withNewSpec().withGroup("opentelemetry.io").withScope("Namespaced").withNewNames().withPlural("opentelemetrycollectors")
                .withKind("OpenTelemetryCollector").endNames().addNewVersion().withName("v1alpha1").withServed(true).withStorage(true)
                .endVersion().endSpec().build()).create();
        client.resource(collectorPod()).create();
        client.resource(new PodBuilder().withNewMetadata().withNamespace(APP).withName("backend2-abc").endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewInitContainerStatus().withName("opentelemetry-auto-instrumentation-java").withRestartCount(0).withNewState()
                .withNewTerminated().withReason("Completed").withExitCode(0).endTerminated().endState().endInitContainerStatus()
                .addNewContainerStatus().withName("backend2").withRestartCount(0).withNewState().withNewRunning().endRunning().endState()
                .endContainerStatus().endStatus().build()).create();
        client.resource(new EventBuilder().withNewMetadata().withNamespace(BACKEND).withName("e2").endMetadata().withType("Warning")
                .withReason("BackOff").withLastTimestamp("2026-01-01T10:00:05Z").withCount(4).withNewInvolvedObject().withKind("Pod")
                .withName("otel-collector-7d9").endInvolvedObject().withMessage("Back-off restarting failed container otc-container\n").build()).create();
        client.resource(new EventBuilder().withNewMetadata().withNamespace(BACKEND).withName("e1").endMetadata().withType("Normal")
                .withReason("Pulled").withLastTimestamp("2026-01-01T10:00:00Z").withNewInvolvedObject().withKind("Pod")
                .withName("otel-collector-7d9").endInvolvedObject().withMessage("Container image already present").build()).create();
        client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace(BACKEND).withName("otel-collector")
                .withLabels(Map.of("app.kubernetes.io/managed-by", "opentelemetry-operator")).endMetadata()
                .withData(Map.of("collector.yaml", "receivers:\n  otlp: {}\n")).build()).create();
        client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace(BACKEND).withName("prometheus-conf").endMetadata()
                .withData(Map.of("prometheus.yml", "global: {}\n")).build()).create();
        client.resource(KubernetesWaiterTest.deployment(BACKEND, "otel-collector", 0)).create();
        GenericKubernetesResource cr = new GenericKubernetesResource();
        cr.setApiVersion("opentelemetry.io/v1alpha1");
        cr.setKind("OpenTelemetryCollector");
        cr.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withNamespace(BACKEND).withName("otel").build());
        cr.setAdditionalProperty("spec", Map.of("mode", "deployment"));
        cr.setAdditionalProperty("status", Map.of("scale", Map.of("replicas", 1), "version", "0.94.0"));
        client.genericKubernetesResources("opentelemetry.io/v1alpha1", "OpenTelemetryCollector").inNamespace(BACKEND).resource(cr).create();

        String logs = "/api/v1/namespaces/" + BACKEND + "/pods/otel-collector-7d9/log?pretty=false&container=otc-container";
        server.expect().get().withPath(logs).andReturn(200, "2026-01-01T10:00:04Z info current run\n").always();
        server.expect().get().withPath(logs + "&previous=true").andReturn(200, "Error: invalid configuration: connectors::spanmetrics\n").always();
        server.expect().get().withPath("/api/v1/namespaces/" + APP + "/pods/backend2-abc/log?pretty=false&container=backend2")
                .andReturn(200, "Picked up JAVA_TOOL_OPTIONS: -javaagent:/otel-auto-instrumentation-java/javaagent.jar\n").always();
        server.expect().get().withPath("/api/v1/namespaces/" + APP + "/pods/backend2-abc/log?pretty=false&container=opentelemetry-auto-instrumentation-java")
                .andReturn(200, "").always();
    }

    private static Pod collectorPod() {
        return new PodBuilder().withNewMetadata().withNamespace(BACKEND).withName("otel-collector-7d9")
                .withLabels(Map.of("app.kubernetes.io/component", "opentelemetry-collector")).endMetadata()
                .withNewSpec().addNewContainer().withName("otc-container").withImage("otel/contrib:0.94.0").endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewContainerStatus().withName("otc-container").withRestartCount(2)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .withNewLastState().withNewTerminated().withReason("Error").withExitCode(1).endTerminated().endLastState()
                .endContainerStatus().endStatus().build();
    }

    private FailureBundle bundle() {
        return new FailureBundle(client, List.of(BACKEND, APP),
                List.of(new FailureBundle.CustomKind("opentelemetry.io/v1alpha1", "OpenTelemetryCollector")));
    }

    @Test
    void holdsPodsEventsLogsCustomResourcesTheRenderedCollectorConfigAndTheLastAnswers() throws IOException {
        Path dir = bundle().withLastPrometheusAnswer("{\"status\":\"success\",\"data\":{\"result\":[]}}")
                .withLastJaegerAnswer("{\"name\":\"service_call_rate\",\"metrics\":[]}").write(report);

        assertThat(dir).isEqualTo(report.resolve("failure-bundle"));
        assertThat(files(dir)).containsExactlyInAnyOrder(
                "pods/observability-backend/otel-collector-7d9.yaml",
                "pods/tutorial-application/backend2-abc.yaml",
                "logs/observability-backend/otel-collector-7d9/otc-container.log",
                "logs/observability-backend/otel-collector-7d9/otc-container.previous.log",
                "logs/tutorial-application/backend2-abc/backend2.log",
                "logs/tutorial-application/backend2-abc/opentelemetry-auto-instrumentation-java.log",
                "events/observability-backend.txt",
                "events/tutorial-application.txt",
                "deployments/observability-backend.txt",
                "deployments/tutorial-application.txt",
                "custom-resources/observability-backend/OpenTelemetryCollector-otel.yaml",
                "collector-config/observability-backend/otel-collector/collector.yaml",
                "prometheus-last-answer.txt",
                "jaeger-last-answer.txt",
                "errors.txt");
        assertThat(dir.resolve("pods/observability-backend/otel-collector-7d9.yaml")).content()
                .contains("name: \"otel-collector-7d9\"").contains("reason: \"CrashLoopBackOff\"");
        assertThat(dir.resolve("logs/observability-backend/otel-collector-7d9/otc-container.previous.log"))
                .hasContent("Error: invalid configuration: connectors::spanmetrics");
        assertThat(dir.resolve("logs/observability-backend/otel-collector-7d9/otc-container.log")).hasContent("2026-01-01T10:00:04Z info current run");
        assertThat(dir.resolve("events/observability-backend.txt")).hasContent("""
                2026-01-01T10:00:00Z Normal Pulled Pod/otel-collector-7d9: Container image already present
                2026-01-01T10:00:05Z Warning BackOff Pod/otel-collector-7d9 (x4): Back-off restarting failed container otc-container""");
        assertThat(dir.resolve("deployments/observability-backend.txt")).hasContent("otel-collector: NOT ready, 0/1 available, 1 updated");
        assertThat(dir.resolve("custom-resources/observability-backend/OpenTelemetryCollector-otel.yaml")).content()
                .contains("status:").contains("version: \"0.94.0\"");
        assertThat(dir.resolve("collector-config/observability-backend/otel-collector/collector.yaml")).hasContent("receivers:\n  otlp: {}");
        assertThat(dir.resolve("jaeger-last-answer.txt")).hasContent("{\"name\":\"service_call_rate\",\"metrics\":[]}");
        assertThat(dir.resolve("errors.txt")).isEmptyFile();
    }

    @Test
    void whatCannotBeReadIsListedAndTheRestIsStillWritten() throws IOException {
        server.expect().get().withPath("/api/v1/namespaces/" + APP + "/events").andReturn(403, "forbidden").always();

        Path dir = bundle().write(report);

        assertThat(dir.resolve("errors.txt")).content().startsWith("events of tutorial-application: HTTP 403");
        assertThat(files(dir)).contains("events/observability-backend.txt", "pods/tutorial-application/backend2-abc.yaml")
                .doesNotContain("prometheus-last-answer.txt");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
        }
    }
}
