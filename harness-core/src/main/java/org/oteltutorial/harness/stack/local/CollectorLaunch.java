package org.oteltutorial.harness.stack.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.Pipeline;
import org.oteltutorial.harness.naming.Program;
import org.oteltutorial.harness.naming.VersionFacts;
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
    private static final List<String> ENDPOINT_KEYS = List.of("endpoint", "traces_endpoint", "metrics_endpoint", "logs_endpoint");

    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final CollectorModel collector;
    private final PortPlan ports;
    private final LoopbackConfig loopback;
    private String otlpGrpc;
    private URI otlpHttp;

    CollectorLaunch(CollectorModel collector, PortPlan ports) {
        this.collector = collector;
        this.ports = ports;
        this.loopback = new LoopbackConfig(ports, collector.workload());
    }

    LaunchSpec prepare(Path binary, Path workDir) {
        ObjectNode config = (ObjectNode) yaml.readTree(collector.config().text());
        Map<String, String> receivers = loopback.rewriteReceivers(LoopbackConfig.object(config, "receivers"));
        otlpGrpc = receivers.get("otlp/grpc");
        otlpHttp = receivers.containsKey("otlp/http") ? URI.create("http://" + receivers.get("otlp/http")) : null;
        rewriteExporters(config);
        ObjectNode service = LoopbackConfig.object(config, "service");
        String telemetry = VersionFacts.value(Program.COLLECTOR_CONTRIB, VersionFacts.TELEMETRY_METRICS,
                collector.version().orElse(Version.of("0.0.0")));
        if (telemetry.equals("readers")) {
            loopback.telemetryReader(service, TELEMETRY_PORT);
        } else {
            LoopbackConfig.object(LoopbackConfig.object(service, "telemetry"), "metrics").put("address", ports.listen(collector.workload(), TELEMETRY_PORT));
        }
        String health = ports.listen(collector.workload(), HEALTH_PORT);
        LoopbackConfig.object(LoopbackConfig.object(config, "extensions"), "health_check").put("endpoint", health);
        ArrayNode extensions = service.has("extensions") ? (ArrayNode) service.get("extensions") : service.putArray("extensions");
        if (extensions.valueStream().noneMatch(e -> e.asString().equals("health_check"))) {
            extensions.add("health_check");
        }
        Path file = workDir.resolve("collector-config.yaml");
        RunFiles.write(file, yaml.writeValueAsString(config));
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--config=" + file));
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
                loopback.listenOn(settings); // the prometheus exporter serves a scrape endpoint rather than dialing out
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

}
