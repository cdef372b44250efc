package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;

class OperatorSubstitutionTest {

    private static final OperatorSubstitution.Reasons REASONS = new OperatorSubstitution.Reasons("no operator here", "no registry here");
    private final OperatorSubstitution.Result result = new OperatorSubstitution().apply(StepPlan.bundled(), new ManifestLoader().bundled(), REASONS);

    @Test
    void keepsTheBackendAndTheCollectorStepsOnly() {
        assertThat(result.plan().steps()).extracting(StepPlan.Step::id).containsExactly("backend", "collector");
        assertThat(result.plan().steps().get(1).waitFor()).containsExactly(new StepPlan.WaitTarget("Deployment", "observability-backend", "otel-collector"));
    }

    @Test
    void replacesTheCollectorCrByWhatTheOperatorCreates() {
        List<SourcedResource> collectorStep = result.manifests().resources().stream().filter(r -> r.origin().equals("step-06/collector.yaml")).toList();
        assertThat(collectorStep).extracting(r -> r.kind() + " " + r.namespace() + "/" + r.name()).containsExactly(
                "ConfigMap observability-backend/otel-collector", "Deployment observability-backend/otel-collector",
                "Service observability-backend/otel-collector", "Service observability-backend/otel-collector-headless",
                "Service observability-backend/otel-collector-monitoring");
        Deployment deployment = (Deployment) collectorStep.get(1).resource();
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getName()).isEqualTo("otc-container");
        assertThat(container.getArgs()).containsExactly("--config=/conf/collector.yaml");
        assertThat(container.getImage()).isEqualTo("ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.94.0");
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance", "observability-backend.otel")
                .containsEntry("app.kubernetes.io/managed-by", "opentelemetry-operator").hasSize(4);
        assertThat(((ConfigMap) collectorStep.get(0).resource()).getData().get("collector.yaml")).contains("spanmetrics:");
    }

    @Test
    void theRenderedCollectorIsFoundWithItsConfigByTheModel() {
        StackModel model = StackModel.from(result.manifests());
        assertThat(model.collector()).hasValueSatisfying(c -> {
            assertThat(c.workload().name()).isEqualTo("otel-collector");
            assertThat(c.config().connectorsOfType("spanmetrics")).hasSize(1);
        });
        assertThat(model.unreadCollectors()).isEmpty();
        assertThat(model.prometheus()).isPresent();
        assertThat(model.jaeger()).isPresent();
    }

    @Test
    void leavesOutTheAppAndEveryOtherCustomResource() {
        assertThat(result.manifests().resources()).noneMatch(r -> r.resource() instanceof GenericKubernetesResource);
        assertThat(result.manifests().resources()).noneMatch(r -> r.namespace().equals("tutorial-application") || r.name().equals("tutorial-application"));
    }

    @Test
    void namesEverySkipAndTheSubstitution() {
        assertThat(result.notes()).hasSize(7);
        assertThat(result.notes()).anyMatch(n -> n.startsWith("substituted: OpenTelemetryCollector observability-backend/otel") && n.endsWith("no operator here"));
        assertThat(result.notes()).anyMatch(n -> n.startsWith("skipped: Instrumentation tutorial-application/my-instrumentation"));
        assertThat(result.notes()).anyMatch(n -> n.startsWith("skipped: the demo app (namespace tutorial-application) because no registry here"));
        assertThat(result.notes()).anyMatch(n -> n.startsWith("skipped: step cert-manager"));
        assertThat(result.notes()).anyMatch(n -> n.startsWith("skipped: step operator"));
        assertThat(result.notes()).anyMatch(n -> n.startsWith("skipped: step instrumentation"));
        assertThat(result.notes()).anyMatch(n -> n.startsWith("skipped: step app (step-06/app.yaml): nothing of it can run here"));
    }
}
