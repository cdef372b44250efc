package org.oteltutorial.harness.check;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.SourcedResource;

/**
 * An attendee's cluster in the step-06 state, as objects for the mock API server: cert-manager and the operator Ready,
 * every object of the bundled step files, what the operator renders from the collector CR, and a Ready pod per
 * Deployment (app pods injected). Tests break it one way at a time.
 */
final class Step06Cluster {

    static final String COLLECTOR_CONFIG_07 = """
            receivers:
              otlp:
                protocols:
                  grpc: {endpoint: 0.0.0.0:4317}
                  http: {endpoint: 0.0.0.0:4318}
            processors:
              batch:
              transform:
                error_mode: ignore
                trace_statements:
                  - context: span
                    statements: ['set(attributes["app.player1"], Substring(attributes["app.player1"], 0, 1))']
            exporters:
              otlp/traces:
                endpoint: jaeger-collector:4317
                tls: {insecure: true}
              otlphttp/metrics:
                endpoint: http://prometheus.observability-backend.svc.cluster.local:80/api/v1/otlp/
                tls: {insecure: true}
              debug: {verbosity: detailed}
            service:
              pipelines:
                traces: {receivers: [otlp], processors: [transform, batch], exporters: [otlp/traces]}
                metrics: {receivers: [otlp], exporters: [otlphttp/metrics]}
                logs: {receivers: [otlp], exporters: [debug]}
            """;

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final List<HasMetadata> objects = new ArrayList<>();
    final List<Pod> pods = new ArrayList<>();

    static Step06Cluster healthy() {
        Step06Cluster c = new Step06Cluster();
        c.objects.add(new NamespaceBuilder().withNewMetadata().withName("cert-manager").endMetadata().build());
        for (String name : List.of("cert-manager", "cert-manager-cainjector", "cert-manager-webhook")) {
            c.objects.add(deployment("cert-manager", name, Map.of("app", name), List.of("quay.io/jetstack/" + name + ":v1.11.0"), Map.of()));
        }
        c.objects.add(new NamespaceBuilder().withNewMetadata().withName("opentelemetry-operator-system").endMetadata().build());
        c.objects.add(deployment("opentelemetry-operator-system", "opentelemetry-operator-controller-manager", Map.of("control-plane", "controller-manager"),
                List.of("ghcr.io/open-telemetry/opentelemetry-operator/opentelemetry-operator:0.94.0", "quay.io/brancz/kube-rbac-proxy:v0.13.1"),
                Map.of()));
        for (SourcedResource r : new ManifestLoader().bundled().resources()) {
            HasMetadata copy = SERIALIZATION.clone(r.resource());
            if (copy instanceof Deployment d) {
                copy = ready(d);
            }
            c.objects.add(copy);
        }
        Map<String, String> collectorLabels = new LinkedHashMap<>();
        collectorLabels.put("app.kubernetes.io/component", "opentelemetry-collector");
        collectorLabels.put("app.kubernetes.io/instance", "observability-backend.otel");
        collectorLabels.put("app.kubernetes.io/managed-by", "opentelemetry-operator");
        collectorLabels.put("app.kubernetes.io/part-of", "opentelemetry");
        c.objects.add(deployment("observability-backend", "otel-collector", collectorLabels,
                List.of("ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.94.0"), collectorLabels));
        c.objects.add(new ServiceBuilder().withNewMetadata().withNamespace("observability-backend").withName("otel-collector")
                .withLabels(collectorLabels).endMetadata().withNewSpec().withSelector(collectorLabels).addNewPort().withName("otlp-grpc")
                .withPort(4317).endPort().endSpec().build());
        c.objects.add(new ConfigMapBuilder().withNewMetadata().withNamespace("observability-backend").withName("otel-collector")
                .withLabels(collectorLabels).endMetadata().withData(Map.of("collector.yaml", "receivers: {otlp: {}}\n")).build());
        for (HasMetadata o : c.objects) {
            if (o instanceof Deployment d) {
                c.pods.add(pod(d, true));
            }
        }
        return c;
    }

    static Deployment deployment(String ns, String name, Map<String, String> selector, List<String> images, Map<String, String> labels) {
        List<io.fabric8.kubernetes.api.model.Container> containers = new ArrayList<>();
        for (String image : images) {
            String container = image.contains("kube-rbac-proxy") ? "kube-rbac-proxy" : images.size() > 1 ? "manager" : name;
            containers.add(new ContainerBuilder().withName(container).withImage(image).build());
        }
        return ready(new DeploymentBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(selector).endSelector().withNewTemplate()
                .withNewMetadata().withLabels(selector).endMetadata().withNewSpec().withContainers(containers).endSpec().endTemplate()
                .endSpec().build());
    }

    static Deployment ready(Deployment d) {
        return new DeploymentBuilder(d).editMetadata().withGeneration(1L).endMetadata().withNewStatus().withObservedGeneration(1L)
                .withReplicas(1).withUpdatedReplicas(1).withAvailableReplicas(1).withReadyReplicas(1).endStatus().build();
    }

    static Deployment notReady(Deployment d) {
        return new DeploymentBuilder(d).editStatus().withAvailableReplicas(0).withReadyReplicas(0).endStatus().build();
    }

    /** A Ready pod of the Deployment; app pods carry what the operator injects. */
    static Pod pod(Deployment d, boolean injected) {
        String ns = d.getMetadata().getNamespace();
        PodBuilder pod = new PodBuilder().withNewMetadata().withNamespace(ns).withName(d.getMetadata().getName() + "-6d5f")
                .withLabels(d.getSpec().getTemplate().getMetadata().getLabels()).endMetadata().withNewSpec()
                .withContainers(d.getSpec().getTemplate().getSpec().getContainers()).endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus();
        if (injected && ns.equals("tutorial-application")) {
            List<io.fabric8.kubernetes.api.model.Container> containers = new ArrayList<>();
            for (var c : d.getSpec().getTemplate().getSpec().getContainers()) {
                List<EnvVar> env = new ArrayList<>(c.getEnv() == null ? List.of() : c.getEnv());
                env.add(new EnvVar("OTEL_SERVICE_NAME", d.getMetadata().getName(), null));
                containers.add(new ContainerBuilder(c).withEnv(env).build());
            }
            pod.editSpec().withContainers(containers).endSpec();
        }
        return pod.build();
    }

    Step06Cluster remove(String kind, String ns, String name) {
        boolean removed = objects.removeIf(o -> matches(o, kind, ns, name));
        if (!removed) {
            throw new IllegalArgumentException("no " + kind + " " + ns + "/" + name);
        }
        if ("Deployment".equals(kind)) {
            pods.removeIf(p -> p.getMetadata().getNamespace().equals(ns) && p.getMetadata().getName().startsWith(name + "-"));
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    <T extends HasMetadata> Step06Cluster replace(String kind, String ns, String name, UnaryOperator<T> change) {
        for (int i = 0; i < objects.size(); i++) {
            if (matches(objects.get(i), kind, ns, name)) {
                objects.set(i, change.apply((T) objects.get(i)));
                return this;
            }
        }
        throw new IllegalArgumentException("no " + kind + " " + ns + "/" + name);
    }

    Step06Cluster replacePod(String deploymentName, UnaryOperator<Pod> change) {
        for (int i = 0; i < pods.size(); i++) {
            if (pods.get(i).getMetadata().getName().startsWith(deploymentName + "-")) {
                pods.set(i, change.apply(pods.get(i)));
                return this;
            }
        }
        throw new IllegalArgumentException("no pod of " + deploymentName);
    }

    private static boolean matches(HasMetadata o, String kind, String ns, String name) {
        return kind.equals(o.getKind()) && name.equals(o.getMetadata().getName())
                && (ns == null || ns.equals(o.getMetadata().getNamespace()));
    }

    /** Creates everything in the mock server (CRDs first, so its discovery serves the custom kinds). */
    void createIn(KubernetesClient client) {
        createIn(client, true);
    }

    /** @param operatorCrds whether the operator's CRDs (and so its custom resources) exist */
    void createIn(KubernetesClient client, boolean operatorCrds) {
        if (operatorCrds) {
            client.resource(crd("opentelemetrycollectors", "OpenTelemetryCollector")).create();
            client.resource(crd("instrumentations", "Instrumentation")).create();
        }
        for (HasMetadata o : objects) {
            if (o instanceof GenericKubernetesResource g) {
                if (!operatorCrds) {
                    continue;
                }
                client.genericKubernetesResources(g.getApiVersion(), g.getKind()).inNamespace(g.getMetadata().getNamespace()).resource(g).create();
            } else {
                client.resource(o).create();
            }
        }
        pods.forEach(p -> client.resource(p).create());
    }

    private static io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition crd(String plural, String kind) {
        return new CustomResourceDefinitionBuilder().withNewMetadata().withName(plural + ".opentelemetry.io").endMetadata()
                .withNewSpec().withGroup("opentelemetry.io").withScope("Namespaced").withNewNames().withPlural(plural).withKind(kind)
                .endNames().addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).endVersion().endSpec().build();
    }
}
