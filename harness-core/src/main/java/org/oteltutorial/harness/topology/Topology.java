package org.oteltutorial.harness.topology;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.oteltutorial.harness.tutorial.SourcedService;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Workload;

/**
 * Resolves endpoints the way cluster DNS and kube-proxy would: host → Service in the right namespace → service
 * port → targetPort → a workload the selector matches, listening on that container port.
 * A Service missing from a namespace the manifests do not describe (they declare no Service or workload there) is
 * outside the stack as given, e.g. when only the collector's file is linted, unless a Service of that name exists in
 * another namespace (then the namespace is a typo).
 */
public final class Topology {

    private static final String CLUSTER_DOMAIN = "svc.cluster.local";
    /** IPv4, or IPv6 (which always has a colon, so Service names of hex letters such as {@code db} are not taken for one). */
    private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+|\\[?[0-9a-fA-F]*:[0-9a-fA-F:.]*]?");

    private final List<SourcedService> services;
    private final List<Workload> workloads;
    /** Namespaces in which the manifests declare a Service or a workload themselves (not rendered from a custom resource). */
    private final Set<String> describedNamespaces;

    public Topology(List<SourcedService> services, List<Workload> workloads) {
        this.services = List.copyOf(services);
        this.workloads = List.copyOf(workloads);
        this.describedNamespaces = Stream.concat(
                services.stream().filter(s -> s.source().resource() instanceof Service).map(SourcedService::namespace),
                workloads.stream().filter(w -> !(w.source().resource() instanceof GenericKubernetesResource)).map(Workload::namespace))
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Topology of(StackModel model) {
        return new Topology(model.services(), model.workloads());
    }

    /**
     * @param from the workload that dials the endpoint: its namespace completes short names, and loopback
     *     addresses reach its own containers
     */
    public Resolution resolve(String endpoint, Workload from) {
        Endpoint e;
        try {
            e = Endpoint.parse(endpoint);
        } catch (IllegalArgumentException ex) {
            return new Resolution.Unreached(new Endpoint(endpoint, "", endpoint, java.util.OptionalInt.empty(), ""), ex.getMessage());
        }
        if (e.port().isEmpty()) {
            return new Resolution.Unreached(e, "no port given and none implied by a scheme");
        }
        int port = e.port().getAsInt();
        if (e.isLoopback()) {
            return from.containerListeningOn(port)
                    .<Resolution>map(c -> new Resolution.Reached(e, null, null, from, port))
                    .orElseGet(() -> new Resolution.Unreached(e, "loopback inside " + from.describe()
                            + ", whose containers do not listen on " + port));
        }
        if (IP.matcher(e.host()).matches()) {
            return new Resolution.External(e);
        }
        Optional<ServiceName> name = ServiceName.of(e.host(), from.namespace());
        if (name.isEmpty()) {
            return new Resolution.External(e);
        }
        String ns = name.get().namespace();
        String svcName = name.get().name();
        Optional<SourcedService> service = services.stream()
                .filter(s -> s.name().equals(svcName) && s.namespace().equals(ns)).findFirst();
        if (service.isEmpty()) {
            String nearMiss = nearMiss(svcName, ns);
            if (nearMiss.isEmpty() && !describedNamespaces.contains(ns)) {
                return new Resolution.External(e);
            }
            return new Resolution.Unreached(e, "no Service " + ns + "/" + svcName + nearMiss);
        }
        return throughService(e, service.get(), port);
    }

    private Resolution throughService(Endpoint e, SourcedService service, int port) {
        List<ServicePort> ports = service.service().getSpec().getPorts() == null ? List.of() : service.service().getSpec().getPorts();
        Optional<ServicePort> servicePort = ports.stream().filter(p -> p.getPort() != null && p.getPort() == port).findFirst();
        if (servicePort.isEmpty()) {
            return new Resolution.Unreached(e, service.describe() + " has no port " + port + " (it has "
                    + ports.stream().map(p -> String.valueOf(p.getPort())).toList() + ")");
        }
        var selector = service.service().getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return new Resolution.Unreached(e, service.describe() + " has no selector, so it selects no workload of the stack");
        }
        List<Workload> selected = workloads.stream().filter(w -> w.namespace().equals(service.namespace()) && w.matches(selector)).toList();
        if (selected.isEmpty()) {
            return new Resolution.Unreached(e, service.describe() + " selects " + selector + ", which no workload's pod labels match");
        }
        IntOrString target = servicePort.get().getTargetPort();
        for (Workload w : selected) {
            Optional<Integer> containerPort = containerPort(w, target, port);
            if (containerPort.isPresent()) {
                return new Resolution.Reached(e, service, servicePort.get(), w, containerPort.get());
            }
        }
        return new Resolution.Unreached(e, service.describe() + " port " + port + " targets " + describe(target, port) + ", but "
                + selected.get(0).describe() + " does not listen there");
    }

    private static Optional<Integer> containerPort(Workload w, IntOrString target, int servicePort) {
        if (target != null && target.getStrVal() != null) {
            return w.namedPort(target.getStrVal()).map(ContainerPort::getContainerPort);
        }
        int number = target == null || target.getIntVal() == null ? servicePort : target.getIntVal();
        if (!w.declaresPorts() || w.containerListeningOn(number).isPresent()) {
            return Optional.of(number);
        }
        return Optional.empty();
    }

    private static String describe(IntOrString target, int servicePort) {
        if (target == null) {
            return "port " + servicePort;
        }
        return target.getStrVal() != null ? "the port named '" + target.getStrVal() + "'" : "port " + target.getIntVal();
    }

    private String nearMiss(String name, String namespace) {
        List<String> elsewhere = services.stream().filter(s -> s.name().equals(name)).map(s -> s.namespace()).toList();
        if (!elsewhere.isEmpty()) {
            return " (there is one in namespace " + String.join(", ", elsewhere) + ": write " + name + "." + elsewhere.get(0) + ")";
        }
        return "";
    }

    /** A host name read as a Service: {@code name}, {@code name.ns}, {@code name.ns.svc}, {@code name.ns.svc.cluster.local}. */
    record ServiceName(String name, String namespace) {

        static Optional<ServiceName> of(String host, String defaultNamespace) {
            String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            if (h.endsWith("." + CLUSTER_DOMAIN)) {
                h = h.substring(0, h.length() - CLUSTER_DOMAIN.length() - 1);
            } else if (h.endsWith(".svc")) {
                h = h.substring(0, h.length() - 4);
            }
            String[] parts = h.split("\\.");
            return switch (parts.length) {
                case 1 -> Optional.of(new ServiceName(parts[0], defaultNamespace));
                case 2 -> Optional.of(new ServiceName(parts[0], parts[1]));
                default -> Optional.empty();
            };
        }
    }
}
