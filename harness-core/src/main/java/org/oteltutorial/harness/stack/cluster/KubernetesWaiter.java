package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.stream.Stream;
import org.oteltutorial.harness.stack.StackStartException;

/** {@link ClusterWaiter} on fabric8's informer-based {@code waitUntilCondition}. */
public final class KubernetesWaiter implements ClusterWaiter {

    private final KubernetesClient client;

    public KubernetesWaiter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void crdEstablished(String name, Duration timeout) {
        try {
            client.apiextensions().v1().customResourceDefinitions().withName(name)
                    .waitUntilCondition(KubernetesWaiter::established, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
            throw new StackStartException("CustomResourceDefinition " + name + " not Established after " + seconds(timeout)
                    + ": " + (crd == null ? "it does not exist" : "conditions " + (crd.getStatus() == null ? "none" : crd.getStatus().getConditions())), e);
        }
    }

    static boolean established(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public void deploymentReady(String namespace, String name, Duration timeout) {
        try {
            client.apps().deployments().inNamespace(namespace).withName(name)
                    .waitUntilCondition(Rollout::isReady, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            throw new StackStartException(notReady(namespace, name, timeout), e);
        }
    }

    private String notReady(String namespace, String name, Duration timeout) {
        Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
        StringBuilder message = new StringBuilder("Deployment " + namespace + "/" + name + " not ready after " + seconds(timeout)
                + ": " + Rollout.describe(d));
        Map<String, String> selector = d == null || d.getSpec().getSelector() == null ? Map.of() : d.getSpec().getSelector().getMatchLabels();
        if (selector != null && !selector.isEmpty()) {
            List<Pod> pods = client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
            PodDiagnosis.describe(pods).forEach(line -> message.append("; ").append(line));
            if (pods.isEmpty()) {
                message.append("; no pods (see the ReplicaSet's events)");
            }
        }
        return message.toString();
    }

    @Override
    public void webhookCaInjected(String kind, String name, Duration timeout) {
        try {
            if ("MutatingWebhookConfiguration".equals(kind)) {
                client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(name).waitUntilCondition(
                        w -> w != null && w.getWebhooks() != null && injected(w.getWebhooks().stream().map(h -> h.getClientConfig())), timeout.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                client.admissionRegistration().v1().validatingWebhookConfigurations().withName(name).waitUntilCondition(
                        w -> w != null && w.getWebhooks() != null && injected(w.getWebhooks().stream().map(h -> h.getClientConfig())), timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (KubernetesClientTimeoutException e) {
            throw new StackStartException(kind + " " + name + " has no CA bundle after " + seconds(timeout)
                    + ": cert-manager's cainjector has not injected it (is cert-manager-cainjector running?)", e);
        }
    }

    @Override
    public void podsInjected(String namespace, String name, Duration timeout) {
        Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
        Map<String, String> selector = d == null || d.getSpec().getSelector() == null ? Map.of() : d.getSpec().getSelector().getMatchLabels();
        AtomicReference<List<Pod>> last = new AtomicReference<>(List.of());
        try {
            Awaitility.await("pods of " + namespace + "/" + name + " injected").atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        List<Pod> pods = client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
                                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
                        last.set(pods);
                        return !pods.isEmpty() && pods.stream().allMatch(KubernetesWaiter::injected);
                    });
        } catch (ConditionTimeoutException e) {
            List<String> bare = last.get().stream().filter(p -> !injected(p)).map(p -> p.getMetadata().getName()).toList();
            throw new StackStartException("Deployment " + namespace + "/" + name + " asks for auto-instrumentation, but its pods "
                    + (bare.isEmpty() ? "do not exist" : String.join(", ", bare) + " were not injected") + " after " + seconds(timeout)
                    + ": the operator's pod webhook ignores failures, so pods created before it served start uninstrumented;"
                    + " restart them once the operator is Ready: kubectl -n " + namespace + " rollout restart deployment/" + name, e);
        }
    }

    static boolean injected(Pod pod) {
        var spec = pod.getSpec();
        boolean initContainer = spec.getInitContainers() != null && spec.getInitContainers().stream()
                .anyMatch(c -> c.getName() != null && c.getName().startsWith("opentelemetry-auto-instrumentation"));
        boolean env = spec.getContainers().stream().anyMatch(c -> c.getEnv() != null && c.getEnv().stream()
                .anyMatch(v -> "OTEL_SERVICE_NAME".equals(v.getName())));
        return initContainer || env;
    }

    private static boolean injected(Stream<WebhookClientConfig> configs) {
        return configs.allMatch(c -> c != null && c.getCaBundle() != null && !c.getCaBundle().isBlank());
    }

    static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    /** Kinds whose objects {@link #webhookCaInjected} understands. */
    public static boolean isWebhookConfiguration(String kind) {
        return ValidatingWebhookConfiguration.class.getSimpleName().equals(kind) || MutatingWebhookConfiguration.class.getSimpleName().equals(kind);
    }
}
