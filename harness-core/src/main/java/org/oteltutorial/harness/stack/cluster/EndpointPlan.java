package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.topology.Resolution;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.PrometheusModel;
import org.oteltutorial.harness.tutorial.SourcedService;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Workload;
import tools.jackson.databind.JsonNode;

/**
 * Which pods and container ports the harness forwards to, derived from the model: the collector's OTLP receiver
 * ports (from its config), Prometheus' listen port, Jaeger's query port, and the app's entry workload (the one whose
 * environment calls the other app workloads and that none of them calls), if the app runs.
 */
public final class EndpointPlan {

    private static final Pattern PORT = Pattern.compile(":(\\d+)$");
    private static final Pattern URL_PORT = Pattern.compile("^[a-z]+://[^/]+?(?::(\\d+))?(?:/.*)?$");
    private static final Map<String, Integer> OTLP_DEFAULT_PORTS = Map.of("grpc", 4317, "http", 4318);
    static final int PROMETHEUS_DEFAULT_PORT = 9090;
    static final int JAEGER_QUERY_DEFAULT_PORT = 16686;

    private final List<ForwardTarget> targets;

    private EndpointPlan(List<ForwardTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    public static EndpointPlan of(StackModel model) {
        CollectorModel collector = model.collector().orElseThrow(() -> new StackStartException("the model has no collector"));
        PrometheusModel prometheus = model.prometheus().orElseThrow(() -> new StackStartException("the model has no Prometheus"));
        JaegerModel jaeger = model.jaeger().orElseThrow(() -> new StackStartException("the model has no Jaeger"));
        List<ForwardTarget> targets = new ArrayList<>();
        targets.add(target(ForwardTarget.Role.COLLECTOR_OTLP_GRPC, collector.workload(), otlpPort(collector, "grpc")));
        targets.add(target(ForwardTarget.Role.COLLECTOR_OTLP_HTTP, collector.workload(), otlpPort(collector, "http")));
        int prometheusPort = prometheus.args().value("web.listen-address").flatMap(EndpointPlan::port).orElse(PROMETHEUS_DEFAULT_PORT);
        targets.add(target(ForwardTarget.Role.PROMETHEUS, prometheus.workload(), prometheusPort));
        int queryPort = jaeger.setting("query.http-server.host-port").flatMap(EndpointPlan::port).orElse(JAEGER_QUERY_DEFAULT_PORT);
        targets.add(target(ForwardTarget.Role.JAEGER_QUERY, jaeger.workload(), queryPort));
        entryWorkload(model).ifPresent(targets::add);
        return new EndpointPlan(targets);
    }

    public List<ForwardTarget> targets() {
        return targets;
    }

    public Optional<ForwardTarget> target(ForwardTarget.Role role) {
        return targets.stream().filter(t -> t.role() == role).findFirst();
    }

    private static ForwardTarget target(ForwardTarget.Role role, Workload workload, int port) {
        if (workload.podLabels().isEmpty()) {
            throw new StackStartException(workload.describe() + " has no pod labels, so its pods cannot be found to forward to");
        }
        return new ForwardTarget(role, workload.namespace(), workload.describe(), workload.podLabels(), port);
    }

    private static int otlpPort(CollectorModel collector, String protocol) {
        for (Map.Entry<ComponentId, JsonNode> receiver : collector.config().defined(ComponentRole.RECEIVER).entrySet()) {
            if (!receiver.getKey().type().equals("otlp") || receiver.getValue() == null) {
                continue;
            }
            JsonNode settings = receiver.getValue().path("protocols").path(protocol);
            if (settings.isMissingNode()) {
                continue;
            }
            JsonNode endpoint = settings.path("endpoint");
            return endpoint.isString() ? port(endpoint.asString()).orElse(OTLP_DEFAULT_PORTS.get(protocol)) : OTLP_DEFAULT_PORTS.get(protocol);
        }
        throw new StackStartException(collector.source().describe() + ": the collector has no otlp receiver with the "
                + protocol + " protocol, so the harness cannot send it spans");
    }

    private static Optional<Integer> port(String hostPort) {
        Matcher m = PORT.matcher(hostPort.trim());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The app workload that calls the others and is called by none: the tutorial's frontend. */
    static Optional<ForwardTarget> entryWorkload(StackModel model) {
        Set<Workload> infrastructure = new LinkedHashSet<>();
        model.collectors().forEach(c -> infrastructure.add(c.workload()));
        model.prometheuses().forEach(p -> infrastructure.add(p.workload()));
        model.jaegers().forEach(j -> infrastructure.add(j.workload()));
        List<Workload> app = model.workloads().stream().filter(w -> !infrastructure.contains(w)).toList();
        Topology topology = Topology.of(model);
        Map<Workload, Set<Workload>> calls = new HashMap<>();
        for (Workload w : app) {
            Set<Workload> reached = new LinkedHashSet<>();
            for (var container : w.containers()) {
                for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                    if (env.getValue() != null && URL_PORT.matcher(env.getValue()).matches()
                            && topology.resolve(env.getValue(), w) instanceof Resolution.Reached r && app.contains(r.workload())
                            && !r.workload().equals(w)) {
                        reached.add(r.workload());
                    }
                }
            }
            calls.put(w, reached);
        }
        List<Workload> entries = app.stream().filter(w -> !calls.get(w).isEmpty())
                .filter(w -> calls.values().stream().noneMatch(callees -> callees.contains(w))).toList();
        if (entries.size() != 1) {
            return Optional.empty();
        }
        Workload entry = entries.get(0);
        for (SourcedService service : model.services()) {
            if (service.service().getSpec() == null || !service.namespace().equals(entry.namespace())
                    || !entry.matches(service.service().getSpec().getSelector())) {
                continue;
            }
            List<ServicePort> ports = service.service().getSpec().getPorts() == null ? List.of() : service.service().getSpec().getPorts();
            for (ServicePort port : ports) {
                if (topology.resolve("http://" + service.name() + "." + service.namespace() + ":" + port.getPort(), entry)
                        instanceof Resolution.Reached r && r.workload().equals(entry)) {
                    return Optional.of(target(ForwardTarget.Role.FRONTEND, entry, r.containerPort()));
                }
            }
        }
        return Optional.empty();
    }
}
