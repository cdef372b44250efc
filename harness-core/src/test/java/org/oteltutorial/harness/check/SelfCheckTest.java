package org.oteltutorial.harness.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.cluster.ForwardTarget;
import org.oteltutorial.harness.stack.cluster.KubernetesStack;
import org.oteltutorial.harness.stack.cluster.PortForwarder;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.StepPlan;

@EnableKubernetesMockClient(crud = true)
class SelfCheckTest {

    static final String COMMIT = "f648f09f14260b67fdabd5a31a36d052c975613a";
    static final String RAW = "https://raw.githubusercontent.com/pavolloffay/kubecon-eu-2024-opentelemetry-kubernetes-tracing-tutorial/" + COMMIT + "/";
    static final String OPERATOR_STEP = "01 setup: OpenTelemetry Operator";
    static final String COLLECTOR_STEP = "06 RED metrics: collector with the spanmetrics connector";
    static final String APP_STEP = "03 auto-instrumentation: demo app with injection annotations";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path report;

    SelfCheck selfCheck() {
        return new SelfCheck(client, "context kind-workshop", StepPlan.bundled(), new ManifestLoader().bundled());
    }

    SelfCheckReport inspect(Step06Cluster cluster) {
        cluster.createIn(client);
        return selfCheck().inspect();
    }

    @Test
    void theStep06StateIsReadyWithNoAdvice() {
        SelfCheckReport result = inspect(Step06Cluster.healthy());

        assertThat(result.advice()).isEmpty();
        assertThat(result.ready()).isTrue();
        assertThat(result.lint().errors()).isEmpty();
        assertThat(result.lines()).containsExactly("self-check of context kind-workshop: the step-06 state is in place (read-only check)");
    }

    @Test
    void certManagerMissing() {
        Step06Cluster cluster = Step06Cluster.healthy().remove("Deployment", "cert-manager", "cert-manager")
                .remove("Deployment", "cert-manager", "cert-manager-cainjector").remove("Deployment", "cert-manager", "cert-manager-webhook")
                .remove("Namespace", null, "cert-manager");

        SelfCheckReport result = inspect(cluster);

        assertThat(result.ready()).isFalse();
        assertThat(result.errors()).singleElement().isEqualTo(Advice.error("01 setup: cert-manager",
                "cert-manager is not installed: Deployment cert-manager/cert-manager, Deployment cert-manager/cert-manager-cainjector,"
                        + " Deployment cert-manager/cert-manager-webhook do not exist",
                "kubectl apply -f https://github.com/cert-manager/cert-manager/releases/download/v1.11.0/cert-manager.yaml"));
    }

    @Test
    void operatorNotReadyBecauseTheDeletedKubeRbacProxyImageCannotBePulled() {
        String deployment = "opentelemetry-operator-controller-manager";
        Step06Cluster cluster = Step06Cluster.healthy()
                .<Deployment>replace("Deployment", "opentelemetry-operator-system", deployment, d -> Step06Cluster.notReady(
                        Step06Cluster.deployment("opentelemetry-operator-system", deployment, Map.of("control-plane", "controller-manager"),
                                List.of("ghcr.io/open-telemetry/opentelemetry-operator/opentelemetry-operator:0.94.0",
                                        "gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1"), Map.of())))
                .replacePod(deployment, p -> new PodBuilder(p).withNewStatus().withPhase("Pending").addNewContainerStatus()
                        .withName("kube-rbac-proxy").withImage("gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1").withNewState().withNewWaiting()
                        .withReason("ImagePullBackOff").withMessage("Back-off pulling image \"gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1\"")
                        .endWaiting().endState().endContainerStatus().endStatus().build());

        SelfCheckReport result = inspect(cluster);

        assertThat(result.errors()).singleElement().satisfies(a -> {
            assertThat(a.step()).isEqualTo(OPERATOR_STEP);
            assertThat(a.problem()).startsWith("Deployment opentelemetry-operator-system/" + deployment + " is not Ready: 0/1 available")
                    .contains("container kube-rbac-proxy waiting ImagePullBackOff")
                    .contains("gcr.io/kubebuilder images are no longer served");
            assertThat(a.fix()).isEqualTo("kubectl -n opentelemetry-operator-system set image deployment/" + deployment
                    + " kube-rbac-proxy=quay.io/brancz/kube-rbac-proxy:v0.13.1");
        });
        assertThat(result.warnings()).singleElement().satisfies(a -> assertThat(a.problem())
                .contains("runs gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1 in container kube-rbac-proxy"));
    }

    @Test
    void operatorMissingMakesItsKindsUnknownAndSaysToInstallItFirst() {
        Step06Cluster cluster = Step06Cluster.healthy().remove("Deployment", "opentelemetry-operator-system", "opentelemetry-operator-controller-manager")
                .remove("Deployment", "observability-backend", "otel-collector");
        cluster.createIn(client, false);

        SelfCheckReport result = selfCheck().inspect();

        assertThat(result.errors()).extracting(Advice::step).containsExactly(OPERATOR_STEP, "03 auto-instrumentation: Instrumentation CR", COLLECTOR_STEP);
        assertThat(result.errors().get(0).fix()).startsWith("kubectl apply -f https://github.com/open-telemetry/opentelemetry-operator/"
                + "releases/download/v0.94.0/opentelemetry-operator.yaml; then replace the image gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1"
                + " by quay.io/brancz/kube-rbac-proxy:v0.13.1");
        assertThat(result.errors().get(2).problem()).isEqualTo("the step is not applied: none of its objects exist (OpenTelemetryCollector"
                + " observability-backend/otel); the cluster does not know the kind OpenTelemetryCollector, so the operator must be installed first");
        assertThat(result.errors().get(2).fix()).isEqualTo("kubectl apply -f " + RAW + "backend/06-collector.yaml");
    }

    @Test
    void noCollectorCustomResource() {
        Step06Cluster cluster = Step06Cluster.healthy().remove("OpenTelemetryCollector", "observability-backend", "otel")
                .remove("Deployment", "observability-backend", "otel-collector");

        SelfCheckReport result = inspect(cluster);

        assertThat(result.ready()).isFalse();
        assertThat(result.errors()).first().isEqualTo(Advice.error(COLLECTOR_STEP,
                "the step is not applied: none of its objects exist (OpenTelemetryCollector observability-backend/otel)",
                "kubectl apply -f " + RAW + "backend/06-collector.yaml"));
    }

    @Test
    void collectorOfStep07HasNoSpanmetricsAndSaysSo() {
        Step06Cluster cluster = Step06Cluster.healthy().<GenericKubernetesResource>replace("OpenTelemetryCollector", "observability-backend", "otel",
                cr -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> spec = new java.util.LinkedHashMap<>((Map<String, Object>) cr.getAdditionalProperties().get("spec"));
                    spec.put("config", Step06Cluster.COLLECTOR_CONFIG_07);
                    cr.setAdditionalProperty("spec", spec);
                    return cr;
                });

        SelfCheckReport result = inspect(cluster);

        assertThat(result.errors()).singleElement().isEqualTo(Advice.error(COLLECTOR_STEP,
                "OpenTelemetryCollector observability-backend/otel has no spanmetrics connector: its configuration is the one of step"
                        + " 07 OTTL (backend/07-collector.yaml), which removes the spanmetrics connector, so no RED metrics (calls_total,"
                        + " duration_milliseconds_*) are produced and Jaeger's Monitor tab stays empty",
                "kubectl apply -f " + RAW + "backend/06-collector.yaml"));
    }

    @Test
    void jaegerWithoutSpmIsThePartOfTheBackendTheChaptersTextForgets() {
        Step06Cluster cluster = Step06Cluster.healthy().<Deployment>replace("Deployment", "observability-backend", "jaeger", d -> {
            var container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            List<EnvVar> env = new ArrayList<>(container.getEnv());
            env.removeIf(e -> e.getName().startsWith("METRICS_") || e.getName().startsWith("PROMETHEUS_"));
            return new DeploymentBuilder(d).editSpec().editTemplate().editSpec()
                    .withContainers(new ContainerBuilder(container).withEnv(env).build()).endSpec().endTemplate().endSpec().build();
        });

        SelfCheckReport result = inspect(cluster);

        assertThat(result.errors()).singleElement().satisfies(a -> {
            assertThat(a.step()).isEqualTo("01/06 backend: Prometheus and Jaeger with SPM");
            assertThat(a.problem()).startsWith("Deployment observability-backend/jaeger: Jaeger SPM is not configured (METRICS_STORAGE_TYPE is not set")
                    .endsWith("The chapter's text shows these environment variables but gives no command to apply them: they are in"
                            + " backend/06-backend.yaml.");
            assertThat(a.fix()).isEqualTo("kubectl apply -f " + RAW + "backend/06-backend.yaml");
        });
    }

    @Test
    void appWithoutItsInjectionAnnotationGetsTheTutorialsPatchCommand() {
        Step06Cluster cluster = Step06Cluster.healthy().<Deployment>replace("Deployment", "tutorial-application", "backend2-deployment",
                d -> new DeploymentBuilder(d).editSpec().editTemplate().editMetadata().withAnnotations(Map.of("prometheus.io/scrape", "true"))
                        .endMetadata().endTemplate().endSpec().build());

        SelfCheckReport result = inspect(cluster);

        assertThat(result.errors()).singleElement().isEqualTo(Advice.error(APP_STEP,
                "Deployment tutorial-application/backend2-deployment has no pod annotation instrumentation.opentelemetry.io/inject-java:"
                        + " \"true\", so the operator injects nothing and backend2-deployment sends no spans",
                "kubectl patch deployment backend2-deployment -n tutorial-application -p '{\"spec\": {\"template\":{\"metadata\":"
                        + "{\"annotations\":{\"instrumentation.opentelemetry.io/inject-java\":\"true\"}}}} }'"));
    }

    @Test
    void annotatedAppWhosePodsWereNotInjectedIsRestarted() {
        Step06Cluster cluster = Step06Cluster.healthy().replacePod("backend1-deployment", p -> Step06Cluster.pod(
                cluster().stream().filter(d -> d.getMetadata().getName().equals("backend1-deployment")).findFirst().orElseThrow(), false));

        SelfCheckReport result = inspect(cluster);

        assertThat(result.errors()).singleElement().satisfies(a -> {
            assertThat(a.problem()).isEqualTo("pod backend1-deployment-6d5f of Deployment tutorial-application/backend1-deployment runs"
                    + " without the operator's injection (it started before the operator or the Instrumentation was ready), so it sends no spans");
            assertThat(a.fix()).isEqualTo("kubectl rollout restart deployment/backend1-deployment -n tutorial-application");
        });
    }

    @Test
    void collectorCustomResourceThatTheOperatorDidNotRender() {
        SelfCheckReport result = inspect(Step06Cluster.healthy().remove("Deployment", "observability-backend", "otel-collector"));

        assertThat(result.errors()).singleElement().satisfies(a -> {
            assertThat(a.step()).isEqualTo(COLLECTOR_STEP);
            assertThat(a.problem()).startsWith("Deployment observability-backend/otel-collector does not exist although"
                    + " OpenTelemetryCollector observability-backend/otel does: the operator has not rendered it");
            assertThat(a.fix()).endsWith("kubectl -n opentelemetry-operator-system logs deployment/opentelemetry-operator-controller-manager -c manager");
        });
    }

    @Test
    void unreadableObjectsAreNamedWithTheRbacTheCheckNeeds() {
        server.expect().get().withPath("/api/v1/namespaces/observability-backend/configmaps").andReturn(403, "forbidden").always();

        SelfCheckReport result = inspect(Step06Cluster.healthy());

        assertThat(result.warnings()).first().satisfies(a -> {
            assertThat(a.problem()).startsWith("could not read ConfigMaps in observability-backend: HTTP 403");
            assertThat(a.fix()).contains("self-check-rbac.yaml");
        });
    }

    @Test
    void attachForwardsToTheRunningStackAndClosingDeletesNothing() {
        SelfCheckReport result = inspect(Step06Cluster.healthy());
        List<ForwardTarget> forwarded = new ArrayList<>();
        boolean[] closed = {false};
        PortForwarder fake = new PortForwarder() {
            @Override
            public InetSocketAddress forward(ForwardTarget target) {
                forwarded.add(target);
                return new InetSocketAddress(InetAddress.getLoopbackAddress(), 41000 + forwarded.size());
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        StackContext context = new StackContext(report, line -> { }, false);
        int before = client.apps().deployments().inAnyNamespace().list().getItems().size();

        try (KubernetesStack stack = selfCheck().attach(result, context, fake)) {
            assertThat(stack.endpoints().prometheus()).hasToString("http://127.0.0.1:41003");
            assertThat(stack.notes()).first().asString().isEqualTo(
                    "attached read-only to context kind-workshop: nothing was created, changed or deleted");
            stack.markFailed();
            assertThat(stack.failureBundleDirectory()).contains(report.resolve("failure-bundle"));
        }

        assertThat(closed[0]).isTrue();
        assertThat(forwarded).extracting(ForwardTarget::role).containsExactly(ForwardTarget.Role.values());
        assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).hasSize(before);
    }

    @Test
    void attachRefusesAClusterWhoseCollectorItCannotRead() {
        SelfCheckReport result = inspect(Step06Cluster.healthy().remove("OpenTelemetryCollector", "observability-backend", "otel"));

        assertThatThrownBy(() -> selfCheck().attach(result, new StackContext(report, line -> { }, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("the cluster runs no collector, Prometheus and Jaeger to check");
    }

    private static List<Deployment> cluster() {
        return Step06Cluster.healthy().objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
    }
}
