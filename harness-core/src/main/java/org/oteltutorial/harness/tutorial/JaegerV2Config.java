package org.oteltutorial.harness.tutorial;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Jaeger v2's YAML config (collector style), as far as SPM is concerned: {@code extensions.jaeger_query.storage.metrics}
 * names a backend under {@code extensions.jaeger_storage.metric_backends}, whose {@code prometheus} block has
 * {@code endpoint}, {@code metric_namespace}, {@code latency_unit}, {@code normalize_calls}, {@code normalize_duration}.
 */
public record JaegerV2Config(ConfigFile file, JsonNode root) {

    public static final String QUERY_EXTENSION = "jaeger_query";
    public static final String STORAGE_EXTENSION = "jaeger_storage";

    /** The config, or empty when the text is not a YAML mapping (Jaeger would refuse it too). */
    public static Optional<JaegerV2Config> parse(ConfigFile file) {
        try {
            JsonNode root = YAMLMapper.builder().build().readTree(file.text());
            return root != null && root.isObject() ? Optional.of(new JaegerV2Config(file, root)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The config with {@code --set} arguments applied on top, as the collector's confmap does: {@code key::path=value},
     * the value read as YAML (so {@code true} is a boolean).
     */
    public JaegerV2Config withSets(List<String> sets) {
        if (sets.isEmpty()) {
            return this;
        }
        YAMLMapper yaml = YAMLMapper.builder().build();
        ObjectNode copy = (ObjectNode) root.deepCopy();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String[] path = set.substring(0, eq).split("::");
            ObjectNode node = copy;
            for (int i = 0; i < path.length - 1; i++) {
                node = node.get(path[i]) instanceof ObjectNode o ? o : node.putObject(path[i]);
            }
            JsonNode value = yaml.readTree(set.substring(eq + 1));
            node.set(path[path.length - 1], value == null ? yaml.nullNode() : value);
        }
        return new JaegerV2Config(file, copy);
    }

    /** The metric backend {@code jaeger_query} reads SPM from, if it names one. */
    public Optional<String> metricsStorage() {
        JsonNode name = root.path("extensions").path(QUERY_EXTENSION).path("storage").path("metrics");
        return name.isString() && !name.asString().isBlank() ? Optional.of(name.asString()) : Optional.empty();
    }

    /** Whether {@code jaeger_query} is in {@code service.extensions} (an extension that is defined but not listed never starts). */
    public boolean extensionEnabled(String name) {
        for (JsonNode e : root.path("service").path("extensions")) {
            if (e.asString("").equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code prometheus} block of the named metric backend; missing when that backend or the block is absent. */
    public JsonNode prometheusBackend(String backend) {
        JsonNode node = root.path("extensions").path(STORAGE_EXTENSION).path("metric_backends").path(backend).path("prometheus");
        return node.isObject() ? node : MissingNode.getInstance();
    }

    /** Whether the named metric backend exists at all (of any kind). */
    public boolean hasMetricBackend(String backend) {
        return root.path("extensions").path(STORAGE_EXTENSION).path("metric_backends").path(backend).isObject();
    }

    /** The {@code prometheus} block SPM uses; missing when SPM is not configured. */
    public JsonNode spmPrometheus() {
        return metricsStorage().map(this::prometheusBackend).orElse(MissingNode.getInstance());
    }

    public Optional<String> prometheusEndpoint() {
        JsonNode endpoint = spmPrometheus().path("endpoint");
        return endpoint.isString() && !endpoint.asString().isBlank() ? Optional.of(endpoint.asString()) : Optional.empty();
    }
}
