package org.oteltutorial.harness.stack.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.oteltutorial.harness.topology.Endpoint;
import org.oteltutorial.harness.tutorial.Workload;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites a collector-style config (the collector's, Jaeger v2's) so that what it listens on moves to the loopback
 * ports the plan gives the workload's container ports.
 */
final class LoopbackConfig {

    private static final Map<String, Integer> OTLP_DEFAULT_PORTS = Map.of("grpc", 4317, "http", 4318);

    private final PortPlan ports;
    private final Workload workload;

    LoopbackConfig(PortPlan ports, Workload workload) {
        this.ports = ports;
        this.workload = workload;
    }

    /**
     * Every receiver's endpoints, OTLP protocols without one given their default port first.
     *
     * @return the new addresses by {@code receiver/protocol} (e.g. {@code otlp/grpc}), and by receiver for those without protocols
     */
    Map<String, String> rewriteReceivers(ObjectNode receivers) {
        Map<String, String> local = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> receiver : receivers.properties()) {
            if (!(receiver.getValue() instanceof ObjectNode settings)) {
                continue;
            }
            String own = listenOn(settings);
            if (own != null) {
                local.put(receiver.getKey(), own);
            }
            if (settings.get("protocols") instanceof ObjectNode protocols) {
                for (Map.Entry<String, JsonNode> protocol : protocols.properties()) {
                    ObjectNode p = protocol.getValue() instanceof ObjectNode o ? o : protocols.putObject(protocol.getKey());
                    if (!p.has("endpoint") && receiver.getKey().startsWith("otlp") && OTLP_DEFAULT_PORTS.containsKey(protocol.getKey())) {
                        p.put("endpoint", "0.0.0.0:" + OTLP_DEFAULT_PORTS.get(protocol.getKey()));
                    }
                    String address = listenOn(p);
                    if (address != null) {
                        local.put(receiver.getKey() + "/" + protocol.getKey(), address);
                    }
                }
            }
        }
        return local;
    }

    /** Moves the {@code host:port} a server listens on to its loopback port; the new address, or null when it names none. */
    String listenOn(ObjectNode settings) {
        JsonNode endpoint = settings.get("endpoint");
        if (endpoint == null || !endpoint.isString() || endpoint.asString().contains("://")) {
            return null;
        }
        OptionalInt port = Endpoint.parse(endpoint.asString()).port();
        if (port.isEmpty()) {
            return null;
        }
        String local = ports.listen(workload, port.getAsInt());
        settings.put("endpoint", local);
        return local;
    }

    /** The program's own metrics through a pull reader on the loopback port standing for {@code containerPort}. */
    void telemetryReader(ObjectNode service, int containerPort) {
        ObjectNode metrics = object(object(service, "telemetry"), "metrics");
        metrics.remove("address");
        metrics.putArray("readers").addObject().putObject("pull").putObject("exporter").putObject("prometheus")
                .put("host", PortPlan.LOOPBACK).put("port", ports.port(workload, containerPort));
    }

    static ObjectNode object(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
    }
}
