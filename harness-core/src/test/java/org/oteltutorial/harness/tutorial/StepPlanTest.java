package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StepPlanTest {

    private static StepPlan read(String yaml) {
        return StepPlan.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBundledPlanReachesStep06FromThePinnedCommit() {
        StepPlan plan = StepPlan.bundled();

        assertThat(plan.tutorial().repository()).isEqualTo("pavolloffay/kubecon-eu-2024-opentelemetry-kubernetes-tracing-tutorial");
        assertThat(plan.tutorial().commit()).isEqualTo("f648f09f14260b67fdabd5a31a36d052c975613a");
        assertThat(plan.tutorial().chapter()).isEqualTo("06-RED-metrics.md");
        assertThat(plan.steps()).extracting(StepPlan.Step::id).containsExactly("cert-manager", "operator", "backend", "instrumentation", "app",
                "collector");
        assertThat(plan.localSteps()).extracting(StepPlan.Step::file).containsExactly("step-06/backend.yaml", "step-06/instrumentation.yaml",
                "step-06/app.yaml", "step-06/collector.yaml");
        assertThat(plan.localSteps()).allSatisfy(s -> assertThat(s.mirrors()).isNotBlank());
    }

    @Test
    void theOperatorStepReplacesTheGoneKubeRbacProxyAndSaysWhy() {
        StepPlan.Step operator = StepPlan.bundled().steps().get(1);

        assertThat(operator.isLocal()).isFalse();
        assertThat(operator.url()).endsWith("/v0.94.0/opentelemetry-operator.yaml");
        assertThat(operator.overlays()).singleElement().satisfies(o -> {
            assertThat(o.replaceImage().from()).isEqualTo("gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1");
            assertThat(o.replaceImage().to()).isEqualTo("quay.io/brancz/kube-rbac-proxy:v0.13.1");
            assertThat(o.reason()).contains("no longer served");
        });
        assertThat(operator.waitFor()).extracting(StepPlan.WaitTarget::name).containsExactly("opentelemetry-operator-controller-manager");
    }

    @Test
    void aStepNeedsExactlyOneOfFileAndUrl() {
        assertThatThrownBy(() -> read("steps:\n  - {id: a, file: x.yaml, url: 'https://e/x.yaml'}\n")).isInstanceOf(ManifestException.class)
                .hasMessage("tutorial.yaml: step a needs exactly one of file or url");
        assertThatThrownBy(() -> read("steps:\n  - {id: b}\n")).isInstanceOf(ManifestException.class)
                .hasMessage("tutorial.yaml: step b needs exactly one of file or url");
    }

    @Test
    void unknownKeysAndBadYamlAreRejected() {
        assertThatThrownBy(() -> read("steps:\n  - {id: a, file: x.yaml, waitfor: []}\n")).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("tutorial.yaml: ").hasMessageContaining("waitfor");
        assertThatThrownBy(() -> read("steps: [\n")).isInstanceOf(ManifestException.class).hasMessageStartingWith("tutorial.yaml: ");
    }

    @Test
    void aPlanWithoutStepsIsEmpty() {
        assertThat(read("tutorial: {repository: r}\n").steps()).isEmpty();
    }
}
