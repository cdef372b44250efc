package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something that runs pods: a Deployment, StatefulSet, DaemonSet or Pod from the manifests, or the Deployment an
 * operator will create from a custom resource (then {@code source} is that custom resource).
 */
public record Workload(SourcedResource source, String kind, String namespace, String name, Map<String, String> podLabels,
        Map<String, String> podAnnotations, List<Container> containers, List<Volume> volumes) {

    public Workload {
        podLabels = podLabels == null ? Map.of() : Map.copyOf(podLabels);
        podAnnotations = podAnnotations == null ? Map.of() : Map.copyOf(podAnnotations);
        containers = containers == null ? List.of() : List.copyOf(containers);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    public String describe() {
        return kind + " " + namespace + "/" + name;
    }

    /** The container that declares the given port, by number or by name. */
    public Optional<Container> containerListeningOn(int port) {
        return containers.stream()
                .filter(c -> ports(c).stream().anyMatch(p -> p.getContainerPort() != null && p.getContainerPort() == port))
                .findFirst();
    }

    public Optional<ContainerPort> namedPort(String portName) {
        return containers.stream().flatMap(c -> ports(c).stream()).filter(p -> portName.equals(p.getName())).findFirst();
    }

    /** Whether any container declares its ports (if none does, which port it listens on is unknown). */
    public boolean declaresPorts() {
        return containers.stream().anyMatch(c -> !ports(c).isEmpty());
    }

    private static List<ContainerPort> ports(Container c) {
        return c.getPorts() == null ? List.of() : c.getPorts();
    }

    public boolean matches(Map<String, String> selector) {
        return selector != null && !selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet());
    }
}
