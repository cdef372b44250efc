package org.oteltutorial.harness.stack.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.Pipeline;
import org.oteltutorial.harness.naming.Program;
import org.oteltutorial.harness.naming.VersionFacts;
import org.oteltutorial.harness.topology.Endpoint;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.FeatureGates;
import org.oteltutorial.harness.tutorial.Version;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The collector with its config from the manifests, every address rewritten: receivers listen on loopback ports,
 * exporters dial the loopback ports of what they reach, its own telemetry moves off 8888, and a {@code health_check}
 * extension on a free port tells when every component has started.
 */
final class CollectorLaunch {

    static final int TELEMETRY_PORT = 8888;
    static final int HEALTH_PORT = 13133;
    private static final Map<String, Integer> OTLP_DEFAULT_PORTS = Map.of("grpc", 4317, "http", 4318);
    private static final List<String> ENDPOINT_KEYS = List.of("endpoint", "traces_endpoint", "metrics_endpoint", "logs_endpoint");

    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final CollectorModel collector;
    private final PortPlan ports;
    private String otlpGrpc;
    private URI otlpHttp;

    CollectorLaunch(CollectorModel collector, PortPlan ports) {
        this.collector = collector;
        this.ports = ports;
    }

    LaunchSpec prepare(Path binary, Path workDir) {
        ObjectNode config = (ObjectNode) yaml.readTree(collector.config().text());
        rewriteReceivers(config);
        rewriteExporters(config);
        ObjectNode service = object(config, "service");
        ObjectNode metrics = object(object(service, "telemetry"), "metrics");
        String telemetry = VersionFacts.value(Program.COLLECTOR_CONTRIB, VersionFacts.TELEMETRY_METRICS,
                collector.version().orElse(Version.of("0.0.0")));
        if (telemetry.equals("readers")) {
            metrics.remove("address");
            metrics.putArray("readers").addObject().putObject("pull").putObject("exporter").putObject("prometheus")
                    .put("host", PortPlan.LOOPBACK).put("port", ports.port(collector.workload(), TELEMETRY_PORT));
        } else {
            metrics.put("address", ports.listen(collector.workload(), TELEMETRY_PORT));
        }
        String health = ports.listen(collector.workload(), HEALTH_PORT);
        object(object(config, "extensions"), "health_check").put("endpoint", health);
        ArrayNode extensions = service.has("extensions") ? (ArrayNode) service.get("extensions") : service.putArray("extensions");
        if (extensions.valueStream().noneMatch(e -> e.asString().equals("health_check"))) {
            extensions.add("health_check");
        }
        Path file = workDir.resolve("collector-config.yaml");
        RunFiles.write(file, yaml.writeValueAsString(config));
        List<String> command = new java.util.ArrayList<>(List.of(binary.toString(), "--config=" + file));
        FeatureGates gates = collector.featureGates();
        if (!gates.set().isEmpty()) {
            command.add("--" + FeatureGates.FLAG + "=" + gates.flagValue());
        }
        return new LaunchSpec("collector", command, Map.of(),
                URI.create("http://" + health + "/"));
    }

    /** The OTLP/gRPC receiver's loopback address, once prepared. */
    String otlpGrpc() {
        return otlpGrpc;
    }

    URI otlpHttp() {
        return otlpHttp;
    }

    private void rewriteReceivers(ObjectNode config) {
        JsonNode receivers = config.path("receivers");
        for (Map.Entry<String, JsonNode> receiver : receivers.properties()) {
            if (!(receiver.getValue() instanceof ObjectNode settings)) {
                continue;
            }
            listenOn(settings);
            if (settings.get("protocols") instanceof ObjectNode protocols) {
                for (Map.Entry<String, JsonNode> protocol : protocols.properties()) {
                    ObjectNode p = protocol.getValue() instanceof ObjectNode o ? o : protocols.putObject(protocol.getKey());
                    if (!p.has("endpoint") && receiver.getKey().startsWith("otlp") && OTLP_DEFAULT_PORTS.containsKey(protocol.getKey())) {
                        p.put("endpoint", "0.0.0.0:" + OTLP_DEFAULT_PORTS.get(protocol.getKey()));
                    }
                    String local = listenOn(p);
                    if (receiver.getKey().equals("otlp") && local != null) {
                        if (protocol.getKey().equals("grpc")) {
                            otlpGrpc = local;
                        } else if (protocol.getKey().equals("http")) {
                            otlpHttp = URI.create("http://" + local);
                        }
                    }
                }
            }
        }
    }

    private String listenOn(ObjectNode settings) {
        JsonNode endpoint = settings.get("endpoint");
        if (endpoint == null || !endpoint.isString()) {
            return null;
        }
        OptionalInt port = Endpoint.parse(endpoint.asString()).port();
        if (port.isEmpty()) {
            return null;
        }
        String local = ports.listen(collector.workload(), port.getAsInt());
        settings.put("endpoint", local);
        return local;
    }

    private void rewriteExporters(ObjectNode config) {
        Set<String> used = new HashSet<>();
        for (Pipeline p : collector.config().pipelines()) {
            p.exporters().forEach(id -> used.add(id.toString()));
        }
        JsonNode exporters = config.path("exporters");
        for (Map.Entry<String, JsonNode> exporter : exporters.properties()) {
            if (!used.contains(exporter.getKey()) || !(exporter.getValue() instanceof ObjectNode settings)) {
                continue;
            }
            if (ComponentId.parse(exporter.getKey()).type().equals("prometheus")) {
                listenOn(settings); // the prometheus exporter serves a scrape endpoint rather than dialing out
                continue;
            }
            for (String key : ENDPOINT_KEYS) {
                if (settings.path(key).isString()) {
                    settings.put(key, ports.dial(settings.get(key).asString(), collector.workload(),
                            "collector exporter " + exporter.getKey() + " " + key));
                }
            }
        }
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
    }
}
