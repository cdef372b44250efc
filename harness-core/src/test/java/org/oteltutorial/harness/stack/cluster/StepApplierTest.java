package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Step;

class StepApplierTest {

    private static final ApplyTimeouts FAST = new ApplyTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofMillis(300), Duration.ofMillis(10));
    private static final String OPERATOR_DEPLOYMENT = "Deployment opentelemetry-operator-system/opentelemetry-operator-controller-manager";

    @TempDir
    Path cache;

    private final RecordingCluster cluster = new RecordingCluster();
    private final List<String> progress = new ArrayList<>();
    private StepApplier applier;

    @BeforeEach
    void setUp() {
        StepSource source = StepSource.bundled(new ManifestCache(cache, new FakeReleases()));
        applier = new StepApplier(cluster, cluster, source, progress::add, FAST);
    }

    @Test
    void appliesCrdsFirstAndWaitsUntilTheyAreEstablishedBeforeTheRestOfTheStep() {
        applier.applyAll(StepPlan.bundled());

        int namespace = cluster.indexOf("apply Namespace cert-manager");
        int crd = cluster.indexOf("apply CustomResourceDefinition certificates.cert-manager.io");
        int established = cluster.indexOf("established issuers.cert-manager.io");
        int firstDeployment = cluster.firstIndexStartingWith("apply Deployment cert-manager/");
        assertThat(namespace).isLessThan(crd);
        assertThat(crd).isLessThan(cluster.indexOf("established certificates.cert-manager.io"));
        assertThat(established).isLessThan(cluster.indexOf("apply ServiceAccount cert-manager/cert-manager-webhook"));
        assertThat(established).isLessThan(firstDeployment);
    }

    @Test
    void theInstrumentationsNamespaceWhichOnlyTheAppStepDeclaresIsAppliedBeforeTheInstrumentation() {
        applier.applyAll(StepPlan.bundled());

        int namespace = cluster.indexOf("apply Namespace tutorial-application");
        assertThat(namespace).isNotNegative().isLessThan(cluster.indexOf("apply Instrumentation tutorial-application/my-instrumentation"));
        assertThat(cluster.events).filteredOn(e -> e.equals("apply Namespace tutorial-application")).hasSize(1);
        assertThat(applier.notes()).contains("step instrumentation puts objects into namespace tutorial-application, which step app"
                + " declares: the namespace was applied before step instrumentation");
    }

    @Test
    void theAnnotatedAppDeploymentsAreCheckedForInjectionOnceReadyAndNothingElseIs() {
        applier.applyAll(StepPlan.bundled());

        assertThat(cluster.events).filteredOn(e -> e.startsWith("injected ")).containsExactly(
                "injected Deployment tutorial-application/backend1-deployment", "injected Deployment tutorial-application/backend2-deployment",
                "injected Deployment tutorial-application/frontend-deployment");
        assertThat(cluster.indexOf("ready Deployment tutorial-application/frontend-deployment"))
                .isLessThan(cluster.indexOf("injected Deployment tutorial-application/backend1-deployment"));
    }

    @Test
    void certManagerWebhookIsReadyAndItsCaInjectedBeforeTheOperatorIsApplied() {
        applier.applyAll(StepPlan.bundled());

        int firstOperatorApply = cluster.indexOf("apply Namespace opentelemetry-operator-system");
        assertThat(cluster.indexOf("ready Deployment cert-manager/cert-manager-webhook")).isLessThan(firstOperatorApply);
        assertThat(cluster.indexOf("ready Deployment cert-manager/cert-manager")).isLessThan(firstOperatorApply);
        assertThat(cluster.indexOf("ready Deployment cert-manager/cert-manager-cainjector")).isLessThan(firstOperatorApply);
        assertThat(cluster.indexOf("ca-injected ValidatingWebhookConfiguration cert-manager-webhook")).isLessThan(firstOperatorApply);
    }

    @Test
    void operatorIsReadyBeforeAnyProjectFileIsApplied() {
        applier.applyAll(StepPlan.bundled());

        int firstProjectApply = cluster.indexOf("apply Namespace observability-backend");
        assertThat(cluster.indexOf("ready " + OPERATOR_DEPLOYMENT)).isLessThan(firstProjectApply);
        assertThat(cluster.indexOf("ca-injected MutatingWebhookConfiguration opentelemetry-operator-mutating-webhook-configuration"))
                .isLessThan(firstProjectApply);
    }

    @Test
    void stepsRunInPlanOrderAndEveryWaitForAndEveryCreatedDeploymentIsWaitedFor() {
        applier.applyAll(StepPlan.bundled());

        List<Integer> waits = new ArrayList<>();
        for (Step step : StepPlan.bundled().steps()) {
            for (StepPlan.WaitTarget t : step.waitFor()) {
                waits.add(cluster.indexOf("ready Deployment " + t.namespace() + "/" + t.name()));
            }
        }
        assertThat(waits).isSorted();
        // the collector step's Deployment is created by the operator, not by the file: only waitFor names it
        assertThat(cluster.indexOf("ready Deployment observability-backend/otel-collector"))
                .isGreaterThan(cluster.indexOf("apply OpenTelemetryCollector observability-backend/otel"));
        // backend and app: every Deployment of their files is waited for, right after its step's applies
        assertThat(cluster.indexOf("ready Deployment observability-backend/jaeger"))
                .isLessThan(cluster.firstIndexStartingWith("apply Instrumentation"));
        assertThat(cluster.indexOf("ready Deployment tutorial-application/frontend-deployment"))
                .isGreaterThan(cluster.indexOf("apply Deployment tutorial-application/frontend-deployment"
                        + " [ghcr.io/pavolloffay/kubecon-eu-2024-opentelemetry-kubernetes-tracing-tutorial-frontend:latest]"));
    }

    @Test
    void instrumentationExistsBeforeTheAppsPodsAreCreated() {
        applier.applyAll(StepPlan.bundled());

        assertThat(cluster.indexOf("apply Instrumentation tutorial-application/my-instrumentation"))
                .isLessThan(cluster.firstIndexStartingWith("apply Deployment tutorial-application/"));
    }

    @Test
    void overlayReplacesTheKubeRbacProxyImageInTheOperatorManifestAndSaysWhy() {
        applier.applyAll(StepPlan.bundled());

        assertThat(cluster.events).contains("apply " + OPERATOR_DEPLOYMENT
                + " [ghcr.io/open-telemetry/opentelemetry-operator/opentelemetry-operator:0.94.0,quay.io/brancz/kube-rbac-proxy:v0.13.1]");
        assertThat(cluster.events).noneMatch(e -> e.contains("gcr.io/kubebuilder"));
        assertThat(applier.notes()).anySatisfy(note -> assertThat(note)
                .startsWith("overlay kube-rbac-proxy: gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1 replaced by quay.io/brancz/kube-rbac-proxy:v0.13.1"
                        + " in " + OPERATOR_DEPLOYMENT + " (container kube-rbac-proxy) because gcr.io/kubebuilder images are no longer served"));
    }

    @Test
    void notesRecordEachReleaseManifestsSha256() {
        applier.applyAll(StepPlan.bundled());

        assertThat(applier.notes()).anySatisfy(n -> assertThat(n).matches(
                "step cert-manager: https://github.com/cert-manager/cert-manager/releases/download/v1.11.0/cert-manager.yaml"
                        + " sha256 [0-9a-f]{64} \\(downloaded to .*cert-manager.yaml\\)"));
    }

    @Test
    void createdListsOnlyObjectsThatDidNotExist() {
        cluster.existing.add("Namespace cert-manager");

        applier.applyAll(StepPlan.bundled());

        assertThat(applier.created()).extracting(ObjectRef::describe)
                .doesNotContain("Namespace cert-manager")
                .contains("Deployment cert-manager/cert-manager-webhook", "OpenTelemetryCollector observability-backend/otel");
        assertThat(applier.applied()).hasSize(applier.created().size() + 1);
    }

    @Test
    void applyRefusedByAWebhookThatIsNotServingYetIsRetriedUntilItIsAccepted() {
        cluster.refusals.add(webhookRefusal());
        cluster.refusals.add(webhookRefusal());

        applier.apply(step("cert-manager"));

        assertThat(cluster.events.subList(0, 3)).containsExactly("refused Namespace cert-manager", "refused Namespace cert-manager",
                "apply Namespace cert-manager");
    }

    @Test
    void applyStillRefusedAtTheDeadlineFailsWithTheServersMessage() {
        for (int i = 0; i < 1000; i++) {
            cluster.refusals.add(webhookRefusal());
        }

        assertThatThrownBy(() -> applier.apply(step("cert-manager")))
                .isInstanceOf(StackStartException.class)
                .hasMessageStartingWith("Namespace cert-manager was still rejected after 0 s: HTTP 500: Internal error occurred:"
                        + " failed calling webhook \"webhook.cert-manager.io\"");
    }

    @Test
    void applyRejectedForGoodIsNotRetried() {
        cluster.refusals.add(new KubernetesClientException("invalid", 422,
                new StatusBuilder().withCode(422).withMessage("spec.replicas: Invalid value: -1").build()));

        assertThatThrownBy(() -> applier.apply(step("cert-manager")))
                .isInstanceOf(StackStartException.class)
                .hasMessage("Namespace cert-manager was rejected: HTTP 422: spec.replicas: Invalid value: -1");
        assertThat(cluster.events).containsExactly("refused Namespace cert-manager");
    }

    @Test
    void aWaitForOtherThanADeploymentIsRefusedBeforeAnythingIsApplied() {
        StepPlan plan = StepPlan.bundled();
        Step odd = new Step("odd", "odd", null, "step-06/backend.yaml", null, List.of(),
                List.of(new StepPlan.WaitTarget("StatefulSet", "ns", "db")));

        assertThatThrownBy(() -> applier.applyAll(new StepPlan(plan.tutorial(), List.of(odd))))
                .isInstanceOf(StackStartException.class).hasMessageContaining("only Deployments can be waited for");
        assertThat(cluster.events).isEmpty();
    }

    private static Step step(String id) {
        return StepPlan.bundled().steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static KubernetesClientException webhookRefusal() {
        return new KubernetesClientException("Failure executing: PATCH", 500, new StatusBuilder().withCode(500)
                .withMessage("Internal error occurred: failed calling webhook \"webhook.cert-manager.io\": failed to call webhook:"
                        + " Post \"https://cert-manager-webhook.cert-manager.svc:443/mutate?timeout=10s\": connection refused").build());
    }
}
