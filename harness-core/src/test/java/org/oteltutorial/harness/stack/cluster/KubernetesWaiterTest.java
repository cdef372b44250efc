package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.stack.StackStartException;

@EnableKubernetesMockClient(crud = true)
class KubernetesWaiterTest {

    private static final Duration SHORT = Duration.ofMillis(500);

    KubernetesClient client;

    static Deployment deployment(String ns, String name, int available) {
        return new DeploymentBuilder().withNewMetadata().withNamespace(ns).withName(name).withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata().withNewSpec().addNewContainer()
                .withName(name).withImage("example/" + name + ":1").endContainer().endSpec().endTemplate().endSpec()
                .withNewStatus().withObservedGeneration(1L).withReplicas(1).withUpdatedReplicas(1).withAvailableReplicas(available)
                .withReadyReplicas(available).endStatus().build();
    }

    @Test
    void readyDeploymentIsWaitedForWithoutDelay() {
        client.resource(deployment("cert-manager", "cert-manager-webhook", 1)).create();

        assertThatCode(() -> new KubernetesWaiter(client).deploymentReady("cert-manager", "cert-manager-webhook", SHORT))
                .doesNotThrowAnyException();
    }

    @Test
    void deploymentThatNeverBecomesReadySaysWhatItsPodsAreStuckOn() {
        client.resource(deployment("opentelemetry-operator-system", "opentelemetry-operator-controller-manager", 0)).create();
        client.resource(new PodBuilder().withNewMetadata().withNamespace("opentelemetry-operator-system").withName("manager-abc")
                .withLabels(Map.of("app", "opentelemetry-operator-controller-manager")).endMetadata()
                .withNewStatus().withPhase("Pending").addNewContainerStatus().withName("kube-rbac-proxy")
                .withImage("gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1").withNewState().withNewWaiting().withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1\"").endWaiting().endState()
                .endContainerStatus().endStatus().build()).create();

        assertThatThrownBy(() -> new KubernetesWaiter(client).deploymentReady("opentelemetry-operator-system",
                "opentelemetry-operator-controller-manager", SHORT))
                .isInstanceOf(StackStartException.class)
                .hasMessage("Deployment opentelemetry-operator-system/opentelemetry-operator-controller-manager not ready after 0 s:"
                        + " 0/1 available, 1 updated; pod manager-abc: Pending; container kube-rbac-proxy waiting ImagePullBackOff"
                        + " (Back-off pulling image \"gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1\")");
    }

    @Test
    void missingDeploymentIsReportedAsMissing() {
        assertThatThrownBy(() -> new KubernetesWaiter(client).deploymentReady("observability-backend", "otel-collector", SHORT))
                .isInstanceOf(StackStartException.class)
                .hasMessage("Deployment observability-backend/otel-collector not ready after 0 s: does not exist");
    }

    private static CustomResourceDefinitionBuilder crd(String plural, String kind) {
        return new CustomResourceDefinitionBuilder().withNewMetadata().withName(plural + ".cert-manager.io").endMetadata()
                .withNewSpec().withGroup("cert-manager.io").withScope("Namespaced").withNewNames().withPlural(plural).withKind(kind)
                .endNames().addNewVersion().withName("v1").withServed(true).withStorage(true).endVersion().endSpec();
    }

    @Test
    void crdIsWaitedForUntilEstablished() {
        client.resource(crd("issuers", "Issuer")
                .withNewStatus().addNewCondition().withType("Established").withStatus("True").endCondition().endStatus().build()).create();
        client.resource(crd("certificates", "Certificate")
                .withNewStatus().addNewCondition().withType("NamesAccepted").withStatus("True").endCondition().endStatus().build()).create();
        KubernetesWaiter waiter = new KubernetesWaiter(client);

        assertThatCode(() -> waiter.crdEstablished("issuers.cert-manager.io", SHORT)).doesNotThrowAnyException();
        assertThatThrownBy(() -> waiter.crdEstablished("certificates.cert-manager.io", SHORT))
                .isInstanceOf(StackStartException.class)
                .hasMessageStartingWith("CustomResourceDefinition certificates.cert-manager.io not Established after 0 s: conditions [")
                .hasMessageContaining("type=NamesAccepted");
    }

    @Test
    void webhookIsWaitedForUntilEveryWebhookHasACaBundle() {
        client.resource(new ValidatingWebhookConfigurationBuilder().withNewMetadata().withName("injected").endMetadata()
                .addNewWebhook().withName("a").withNewClientConfig().withCaBundle("LS0t").endClientConfig().endWebhook().build()).create();
        client.resource(new ValidatingWebhookConfigurationBuilder().withNewMetadata().withName("pending").endMetadata()
                .addNewWebhook().withName("a").withNewClientConfig().endClientConfig().endWebhook().build()).create();
        KubernetesWaiter waiter = new KubernetesWaiter(client);

        assertThatCode(() -> waiter.webhookCaInjected("ValidatingWebhookConfiguration", "injected", SHORT)).doesNotThrowAnyException();
        assertThatThrownBy(() -> waiter.webhookCaInjected("ValidatingWebhookConfiguration", "pending", SHORT))
                .hasMessageContaining("has no CA bundle").hasMessageContaining("cert-manager-cainjector");
    }

    @Test
    void rolloutJudgesGenerationsAndOldReplicas() {
        Deployment ready = deployment("ns", "d", 1);
        Deployment stale = new DeploymentBuilder(ready).editMetadata().withGeneration(2L).endMetadata().build();
        Deployment oldReplicaLeft = new DeploymentBuilder(ready).editStatus().withReplicas(2).endStatus().build();

        assertThat(Rollout.isReady(ready)).isTrue();
        assertThat(Rollout.isReady(stale)).isFalse();
        assertThat(Rollout.isReady(oldReplicaLeft)).isFalse();
        assertThat(Rollout.isReady(null)).isFalse();
    }

    @Test
    void aPodCountsAsInjectedByTheOperatorsInitContainerOrItsServiceNameVariable() {
        Pod bare = new PodBuilder().withNewSpec().addNewContainer().withName("app").endContainer().endSpec().build();
        Pod java = new PodBuilder(bare).editSpec().addNewInitContainer().withName("opentelemetry-auto-instrumentation-java").endInitContainer()
                .endSpec().build();
        Pod sdk = new PodBuilder().withNewSpec().addNewContainer().withName("app").addNewEnv().withName("OTEL_SERVICE_NAME").withValue("frontend")
                .endEnv().endContainer().endSpec().build();

        assertThat(KubernetesWaiter.injected(bare)).isFalse();
        assertThat(KubernetesWaiter.injected(java)).isTrue();
        assertThat(KubernetesWaiter.injected(sdk)).isTrue();
    }
}
