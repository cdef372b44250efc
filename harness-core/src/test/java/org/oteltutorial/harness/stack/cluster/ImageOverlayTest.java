package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Step;

class ImageOverlayTest {

    private static final String OPERATOR_YAML = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: opentelemetry-operator-controller-manager, namespace: opentelemetry-operator-system}
            spec:
              selector: {matchLabels: {a: b}}
              template:
                metadata: {labels: {a: b}}
                spec:
                  initContainers:
                    - {name: init, image: gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1}
                  containers:
                    - {name: manager, image: ghcr.io/open-telemetry/opentelemetry-operator/opentelemetry-operator:0.94.0}
                    - {name: kube-rbac-proxy, image: gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1, args: [--upstream=http://127.0.0.1:8080/]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: untouched, namespace: opentelemetry-operator-system}
            spec: {ports: [{port: 8443}]}
            """;

    private static Step operatorStep() {
        return StepPlan.bundled().steps().stream().filter(s -> s.id().equals("operator")).findFirst().orElseThrow();
    }

    @Test
    void replacesEveryOccurrenceKeepsEverythingElseAndNotesTheReason() {
        List<SourcedResource> resources = new ManifestLoader().parse("operator.yaml", OPERATOR_YAML);

        ImageOverlay.Result result = new ImageOverlay().apply(operatorStep(), resources);

        Deployment d = (Deployment) result.resources().get(0).resource();
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getImage)
                .containsExactly("ghcr.io/open-telemetry/opentelemetry-operator/opentelemetry-operator:0.94.0",
                        "quay.io/brancz/kube-rbac-proxy:v0.13.1");
        assertThat(d.getSpec().getTemplate().getSpec().getInitContainers().get(0).getImage()).isEqualTo("quay.io/brancz/kube-rbac-proxy:v0.13.1");
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(1).getArgs()).containsExactly("--upstream=http://127.0.0.1:8080/");
        assertThat(result.resources().get(0).location()).isEqualTo("operator.yaml:1");
        assertThat(result.resources().get(1).resource()).isEqualTo(resources.get(1).resource());
        assertThat(result.notes()).singleElement().asString()
                .startsWith("overlay kube-rbac-proxy: gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1 replaced by quay.io/brancz/kube-rbac-proxy:v0.13.1"
                        + " in Deployment opentelemetry-operator-system/opentelemetry-operator-controller-manager (container kube-rbac-proxy, init)"
                        + " because gcr.io/kubebuilder images are no longer served")
                .endsWith("Upstream made the same move in operator v0.114.0.");
    }

    @Test
    void anOverlayThatMatchesNothingStopsTheRun() {
        List<SourcedResource> resources = new ManifestLoader().parse("operator.yaml", OPERATOR_YAML.replace("gcr.io/kubebuilder", "quay.io/brancz"));

        assertThatThrownBy(() -> new ImageOverlay().apply(operatorStep(), resources))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("overlay kube-rbac-proxy of step operator matched nothing: image gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1"
                        + " does not occur in https://github.com/open-telemetry/opentelemetry-operator/releases/download/v0.94.0/opentelemetry-operator.yaml");
    }

    @Test
    void stepsWithoutOverlaysPassThrough() {
        Step backend = StepPlan.bundled().steps().stream().filter(s -> s.id().equals("backend")).findFirst().orElseThrow();
        List<SourcedResource> resources = new ManifestLoader().parse("operator.yaml", OPERATOR_YAML);

        ImageOverlay.Result result = new ImageOverlay().apply(backend, resources);

        assertThat(result.resources()).isEqualTo(resources);
        assertThat(result.notes()).isEmpty();
    }
}
