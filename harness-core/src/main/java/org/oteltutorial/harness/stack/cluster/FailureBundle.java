package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an engineer needs after a failed check on a Kubernetes stack, written to {@code <reportDir>/failure-bundle/}:
 * <ul>
 *   <li>{@code pods/<ns>/<pod>.yaml}: every pod of the namespaces, status included</li>
 *   <li>{@code events/<ns>.txt}: the namespace's events, oldest first</li>
 *   <li>{@code logs/<ns>/<pod>/<container>.log} and {@code <container>.previous.log} (the terminated container
 *       before a restart), init containers included</li>
 *   <li>{@code deployments/<ns>.txt}: each Deployment's rollout state</li>
 *   <li>{@code custom-resources/<ns>/<Kind>-<name>.yaml}: the custom resources with their status</li>
 *   <li>{@code collector-config/<ns>/<configmap>/<key>}: the collector configuration the operator rendered (ConfigMaps
 *       labelled {@code app.kubernetes.io/managed-by=opentelemetry-operator})</li>
 *   <li>{@code prometheus-last-answer.txt}, {@code jaeger-last-answer.txt}: the last answers the checks saw, if given</li>
 *   <li>{@code errors.txt}: what could not be collected (e.g. forbidden by RBAC), so a partial bundle says so</li>
 * </ul>
 * Everything here is read-only.
 */
public final class FailureBundle {

    public static final String DIRECTORY = "failure-bundle";
    static final String OPERATOR_MANAGED = "app.kubernetes.io/managed-by";

    private final KubernetesClient client;
    private final List<String> namespaces;
    private final List<CustomKind> customKinds;
    private Optional<String> lastPrometheus = Optional.empty();
    private Optional<String> lastJaeger = Optional.empty();

    /** A custom resource kind to dump, e.g. {@code opentelemetry.io/v1alpha1 OpenTelemetryCollector}. */
    public record CustomKind(String apiVersion, String kind) {
    }

    public FailureBundle(KubernetesClient client, List<String> namespaces, List<CustomKind> customKinds) {
        this.client = client;
        this.namespaces = List.copyOf(namespaces);
        this.customKinds = List.copyOf(customKinds);
    }

    /** The last Prometheus answer a check saw (raw body or a summary). */
    /** The namespaces whose pods, logs and events the bundle holds. */
    public List<String> namespaces() {
        return namespaces;
    }

    public FailureBundle withLastPrometheusAnswer(String answer) {
        this.lastPrometheus = Optional.ofNullable(answer);
        return this;
    }

    /** The last Jaeger answer a check saw. */
    public FailureBundle withLastJaegerAnswer(String answer) {
        this.lastJaeger = Optional.ofNullable(answer);
        return this;
    }

    /** Writes the bundle; returns its directory. Parts that cannot be read are listed in {@code errors.txt}. */
    public Path write(Path reportDir) {
        Path dir = reportDir.resolve(DIRECTORY);
        List<String> errors = new ArrayList<>();
        for (String ns : namespaces) {
            collect(errors, "pods and logs of " + ns, () -> pods(dir, ns, errors));
            collect(errors, "events of " + ns, () -> events(dir, ns));
            collect(errors, "deployments of " + ns, () -> deployments(dir, ns));
            collect(errors, "collector config in " + ns, () -> collectorConfig(dir, ns));
            for (CustomKind kind : customKinds) {
                collect(errors, kind.kind() + " in " + ns, () -> customResources(dir, ns, kind));
            }
        }
        lastPrometheus.ifPresent(answer -> write(dir.resolve("prometheus-last-answer.txt"), answer));
        lastJaeger.ifPresent(answer -> write(dir.resolve("jaeger-last-answer.txt"), answer));
        write(dir.resolve("errors.txt"), errors.isEmpty() ? "" : String.join("\n", errors) + "\n");
        return dir;
    }

    private void pods(Path dir, String ns, List<String> errors) {
        for (Pod pod : client.pods().inNamespace(ns).list().getItems()) {
            String name = pod.getMetadata().getName();
            write(dir.resolve("pods").resolve(ns).resolve(name + ".yaml"), client.getKubernetesSerialization().asYaml(pod));
            List<ContainerStatus> statuses = new ArrayList<>();
            if (pod.getStatus() != null) {
                Stream.of(pod.getStatus().getInitContainerStatuses(), pod.getStatus().getContainerStatuses())
                        .filter(Objects::nonNull).forEach(statuses::addAll);
            }
            for (ContainerStatus status : statuses) {
                Path logs = dir.resolve("logs").resolve(ns).resolve(name);
                collect(errors, "log of " + ns + "/" + name + "/" + status.getName(), () -> write(logs.resolve(status.getName() + ".log"),
                        client.pods().inNamespace(ns).withName(name).inContainer(status.getName()).getLog()));
                if (hasPrevious(status)) {
                    collect(errors, "previous log of " + ns + "/" + name + "/" + status.getName(), () -> write(
                            logs.resolve(status.getName() + ".previous.log"),
                            client.pods().inNamespace(ns).withName(name).inContainer(status.getName()).terminated().getLog()));
                }
            }
        }
    }

    /** Whether the container ran before: it restarted, or its last state is a termination. */
    static boolean hasPrevious(ContainerStatus status) {
        return (status.getRestartCount() != null && status.getRestartCount() > 0)
                || (status.getLastState() != null && status.getLastState().getTerminated() != null);
    }

    private void events(Path dir, String ns) {
        List<Event> events = new ArrayList<>(client.v1().events().inNamespace(ns).list().getItems());
        events.sort(Comparator.comparing(FailureBundle::when));
        StringBuilder text = new StringBuilder();
        for (Event e : events) {
            text.append(when(e)).append(' ').append(Objects.toString(e.getType(), "")).append(' ').append(Objects.toString(e.getReason(), ""))
                    .append(' ').append(e.getInvolvedObject() == null ? "" : e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName())
                    .append(e.getCount() != null && e.getCount() > 1 ? " (x" + e.getCount() + ")" : "")
                    .append(": ").append(Objects.toString(e.getMessage(), "").strip()).append('\n');
        }
        write(dir.resolve("events").resolve(ns + ".txt"), text.toString());
    }

    private static String when(Event e) {
        return Stream.of(e.getLastTimestamp(), e.getEventTime() == null ? null : e.getEventTime().getTime(), e.getFirstTimestamp(),
                e.getMetadata() == null ? null : e.getMetadata().getCreationTimestamp()).filter(Objects::nonNull).findFirst().orElse("");
    }

    private void deployments(Path dir, String ns) {
        StringBuilder text = new StringBuilder();
        for (Deployment d : client.apps().deployments().inNamespace(ns).list().getItems()) {
            text.append(d.getMetadata().getName()).append(": ").append(Rollout.isReady(d) ? "ready, " : "NOT ready, ")
                    .append(Rollout.describe(d)).append('\n');
        }
        write(dir.resolve("deployments").resolve(ns + ".txt"), text.toString());
    }

    private void collectorConfig(Path dir, String ns) {
        for (ConfigMap cm : client.configMaps().inNamespace(ns).withLabel(OPERATOR_MANAGED, "opentelemetry-operator").list().getItems()) {
            Map<String, String> data = cm.getData() == null ? Map.of() : cm.getData();
            data.forEach((key, value) -> write(dir.resolve("collector-config").resolve(ns).resolve(cm.getMetadata().getName()).resolve(key), value));
        }
    }

    private void customResources(Path dir, String ns, CustomKind kind) {
        for (GenericKubernetesResource r : client.genericKubernetesResources(kind.apiVersion(), kind.kind()).inNamespace(ns).list().getItems()) {
            write(dir.resolve("custom-resources").resolve(ns).resolve(kind.kind() + "-" + r.getMetadata().getName() + ".yaml"),
                    client.getKubernetesSerialization().asYaml(r));
        }
    }

    private static void collect(List<String> errors, String what, Runnable part) {
        try {
            part.run();
        } catch (KubernetesClientException e) {
            errors.add(what + ": " + (e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "") + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text == null ? "" : text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
