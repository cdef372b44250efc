package org.oteltutorial.harness.stack.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.JaegerV2Config;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Jaeger v2 ({@code cmd/jaeger}) with the YAML config its ConfigMap holds, every address rewritten: receivers and
 * extension servers listen on loopback ports, the Prometheus metric backend dials the local Prometheus through the
 * topology, its own telemetry and tracing stay inside, and {@code healthcheckv2} on a free port tells when it is ready.
 */
final class JaegerV2Launch implements JaegerLauncher {

    static final int QUERY_PORT = 16686;
    private static final int QUERY_GRPC_PORT = 16685;
    static final int HEALTH_PORT = 13133;
    private static final int TELEMETRY_PORT = 8888;
    private static final String HEALTH = "healthcheckv2";

    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final JaegerModel jaeger;
    private final PortPlan ports;
    private final LoopbackConfig loopback;
    private URI query;

    JaegerV2Launch(JaegerModel jaeger, PortPlan ports) {
        this.jaeger = jaeger;
        this.ports = ports;
        this.loopback = new LoopbackConfig(ports, jaeger.workload());
    }

    @Override
    public LaunchSpec prepare(Path binary, Path workDir) {
        Optional<JaegerV2Config> parsed = jaeger.v2Config();
        if (parsed.isEmpty()) {
            List<String> flags = jaeger.args().all().stream().filter(a -> a.startsWith("-")).toList();
            if (flags.stream().anyMatch(f -> !f.matches("--?(config|set|feature-gates)(=.*)?"))) {
                // v2 parses its flags before it opens anything, so it runs as the pod would and its own error is the evidence
                List<String> command = new ArrayList<>(List.of(binary.toString()));
                command.addAll(flags);
                query = URI.create("http://" + ports.listen(jaeger.workload(), QUERY_PORT));
                return new LaunchSpec("jaeger", command, Map.of(),
                        URI.create("http://" + ports.listen(jaeger.workload(), HEALTH_PORT) + "/status"));
            }
            throw new StackStartException(jaeger.source().describe() + ": Jaeger " + jaeger.version().map(Object::toString).orElse("v2")
                    + " needs a YAML config from a ConfigMap (--config=<file>); the manifests hold none");
        }
        JaegerV2Config config = parsed.get();
        ObjectNode root = (ObjectNode) config.root().deepCopy(); // with the --set arguments applied, so they are not passed again
        loopback.rewriteReceivers(LoopbackConfig.object(root, "receivers"));
        ObjectNode extensions = LoopbackConfig.object(root, "extensions");
        for (Map.Entry<String, JsonNode> e : extensions.properties()) {
            if (e.getKey().equals(JaegerV2Config.STORAGE_EXTENSION)) {
                dialMetricBackends(e.getValue());
            } else if (e.getValue() instanceof ObjectNode settings) {
                listenEverywhere(settings);
            }
        }
        ObjectNode queryExtension = LoopbackConfig.object(extensions, JaegerV2Config.QUERY_EXTENSION);
        // in its pod Jaeger traces itself into localhost:4317; here that is another program, and shutdown would wait on it
        queryExtension.put("enable_tracing", false);
        String queryListen = listenOrDefault(LoopbackConfig.object(queryExtension, "http"), QUERY_PORT);
        listenOrDefault(LoopbackConfig.object(queryExtension, "grpc"), QUERY_GRPC_PORT);
        String health = ports.listen(jaeger.workload(), HEALTH_PORT);
        ObjectNode healthcheck = LoopbackConfig.object(extensions, HEALTH);
        healthcheck.put("use_v2", true);
        LoopbackConfig.object(healthcheck, "http").put("endpoint", health);
        ObjectNode service = LoopbackConfig.object(root, "service");
        ArrayNode list = service.get("extensions") instanceof ArrayNode a ? a : service.putArray("extensions");
        if (list.valueStream().noneMatch(n -> n.asString("").equals(HEALTH))) {
            list.add(HEALTH);
        }
        loopback.telemetryReader(service, TELEMETRY_PORT);
        Path file = workDir.resolve("jaeger-config.yaml");
        RunFiles.write(file, yaml.writeValueAsString(root));
        query = URI.create("http://" + queryListen);
        return new LaunchSpec("jaeger", List.of(binary.toString(), "--config=" + file), Map.of(), URI.create("http://" + health + "/status"));
    }

    @Override
    public URI query() {
        return query;
    }

    @Override
    public String note() {
        return "jaeger: v2 from its ConfigMap config, addresses on loopback; its own tracing is off (jaeger_query.enable_tracing:"
                + " false) and a healthcheckv2 extension tells when it is ready";
    }

    private void dialMetricBackends(JsonNode storage) {
        for (JsonNode backend : storage.path("metric_backends")) {
            if (backend.path("prometheus") instanceof ObjectNode prometheus && prometheus.path("endpoint").isString()) {
                prometheus.put("endpoint", ports.dial(prometheus.get("endpoint").asString(), jaeger.workload(),
                        "Jaeger prometheus.endpoint"));
            }
        }
    }

    /** Every {@code endpoint} an extension listens on (nested blocks such as {@code http}, {@code grpc} included). */
    private void listenEverywhere(ObjectNode settings) {
        loopback.listenOn(settings);
        for (Map.Entry<String, JsonNode> child : settings.properties()) {
            if (child.getValue() instanceof ObjectNode nested) {
                listenEverywhere(nested);
            }
        }
    }

    private String listenOrDefault(ObjectNode server, int defaultPort) {
        if (!server.has("endpoint")) {
            server.put("endpoint", "0.0.0.0:" + defaultPort);
        }
        String local = loopback.listenOn(server);
        return local != null ? local : ports.listen(jaeger.workload(), defaultPort);
    }

}
