package org.oteltutorial.harness.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.naming.NameDerivation;
import org.oteltutorial.harness.naming.StackNames;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.StackModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jaeger v2 configured the v1 way (flags and SPM environment variables, which v2 rejects or ignores): a ConfigMap with
 * its YAML config, carrying the v1 settings over (Prometheus URL; metric namespace, normalisation and unit set to the
 * names Prometheus will hold), mounted and named by {@code --config}; probes move to {@code healthcheckv2}.
 */
final class JaegerV2ConfigFix implements Fix {

    static final String MOUNT = "/etc/jaeger/config";
    static final String KEY = "config.yaml";
    private static final int HEALTH_PORT = 13133;
    private static final Set<String> V1_ENV = Set.of("SPAN_STORAGE_TYPE", "COLLECTOR_ZIPKIN_HOST_PORT", "JAEGER_DISABLED",
            "COLLECTOR_OTLP_ENABLED", "METRICS_STORAGE_TYPE");

    @Override
    public Optional<Applied> apply(ManifestFiles files, StackModel model) {
        Optional<JaegerModel> maybe = model.jaeger();
        if (maybe.isEmpty() || !maybe.get().isV2()) {
            return Optional.empty();
        }
        JaegerModel jaeger = maybe.get();
        boolean spmConfigured = jaeger.v2Config().flatMap(c -> c.prometheusEndpoint()).isPresent();
        boolean v1Flags = jaeger.args().all().stream().anyMatch(a -> a.startsWith("-") && !a.matches("--?(config|set|feature-gates)(=.*)?"));
        if (spmConfigured && !v1Flags) {
            return Optional.empty();
        }
        String url = jaeger.setting("prometheus.server-url").orElse(null);
        Optional<MetricNames> held = StackNames.produced(model, Topology.of(model)).flatMap(NameDerivation::names);
        if (url == null || held.isEmpty()) {
            return Optional.empty();
        }
        String file = jaeger.source().origin();
        YamlDocuments docs = YamlDocuments.parse(files.files().get(file));
        Optional<ObjectNode> deployment = docs.find(jaeger.source().kind(), jaeger.source().name());
        if (deployment.isEmpty()) {
            return Optional.empty();
        }
        String configMap = jaeger.workload().name() + "-config";
        ObjectNode podSpec = (ObjectNode) deployment.get().path("spec").path("template").path("spec");
        ObjectNode container = null;
        for (JsonNode c : podSpec.path("containers")) {
            if (c.path("name").asString("").equals(jaeger.container().getName())) {
                container = (ObjectNode) c;
            }
        }
        if (container == null) {
            return Optional.empty();
        }
        container.putArray("args").add("--config=" + MOUNT + "/" + KEY);
        if (container.get("env") instanceof ArrayNode env) {
            ArrayNode kept = container.putArray("env");
            env.forEach(e -> {
                String name = e.path("name").asString("");
                if (!V1_ENV.contains(name) && !name.startsWith("PROMETHEUS_")) {
                    kept.add(e);
                }
            });
            if (kept.isEmpty()) {
                container.remove("env");
            }
        }
        ArrayNode mounts = container.get("volumeMounts") instanceof ArrayNode m ? m : container.putArray("volumeMounts");
        mounts.addObject().put("name", configMap).put("mountPath", MOUNT).put("readOnly", true);
        ArrayNode volumes = podSpec.get("volumes") instanceof ArrayNode v ? v : podSpec.putArray("volumes");
        volumes.addObject().put("name", configMap).putObject("configMap").put("name", configMap);
        ArrayNode ports = container.get("ports") instanceof ArrayNode p ? p : container.putArray("ports");
        ports.addObject().put("name", "healthcheck").put("containerPort", HEALTH_PORT);
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            if (container.get(probe) instanceof ObjectNode p && p.has("httpGet")) {
                p.putObject("httpGet").put("path", "/status").put("port", HEALTH_PORT);
            }
        }
        ObjectNode cm = YamlDocuments.object();
        cm.put("apiVersion", "v1").put("kind", "ConfigMap");
        cm.putObject("metadata").put("name", configMap).put("namespace", jaeger.workload().namespace());
        cm.putObject("data").put(KEY, YamlDocuments.write(config(url, held.get())).replaceFirst("^---\\n", ""));
        docs.add(cm);
        List<String> changed = new ArrayList<>();
        changed.add("add ConfigMap " + jaeger.workload().namespace() + "/" + configMap + " with the v2 config (jaeger_storage"
                + " metric_backends prometheus endpoint " + url + ", " + settingsText(held.get()) + ")");
        changed.add("mount it at " + MOUNT + ", args [--config=" + MOUNT + "/" + KEY + "] instead of " + jaeger.args().all());
        changed.add("drop the v1 environment (METRICS_STORAGE_TYPE, PROMETHEUS_*, SPAN_STORAGE_TYPE, COLLECTOR_*)");
        changed.add("probes on healthcheckv2 :" + HEALTH_PORT + "/status (the v1 admin port 14269 is gone)");
        return Optional.of(new Applied(files.with(file, docs.text()), new AdviceItem(file, jaeger.source().describe() + ": "
                + String.join("; ", changed), "Jaeger " + jaeger.version().map(Object::toString).orElse("v2") + " exits on the v1"
                + " flags and ignores the SPM environment variables; its SPM settings are YAML under"
                + " extensions.jaeger_query.storage.metrics and jaeger_storage.metric_backends")));
    }

    /** The v2 metric backend settings that make Jaeger query exactly the names Prometheus holds. */
    static ObjectNode prometheusBackend(String url, MetricNames held) {
        ObjectNode p = YamlDocuments.object();
        p.put("endpoint", url);
        String calls = held.calls();
        boolean normalizeCalls = calls.endsWith("_calls_total") || calls.equals("calls_total");
        String base = normalizeCalls ? calls.substring(0, calls.length() - "_total".length()) : calls;
        String namespace = base.equals("calls") ? "" : base.substring(0, base.length() - "_calls".length());
        String bareDuration = namespace.isEmpty() ? "duration" : namespace + "_duration";
        boolean normalizeDuration = !held.duration().equals(bareDuration);
        p.put("metric_namespace", namespace);
        p.put("normalize_calls", normalizeCalls);
        p.put("normalize_duration", normalizeDuration);
        p.put("latency_unit", held.duration().endsWith("_seconds") ? "s" : "ms");
        return p;
    }

    private static String settingsText(MetricNames held) {
        ObjectNode p = prometheusBackend("", held);
        return "metric_namespace '" + p.get("metric_namespace").asString() + "', normalize_calls " + p.get("normalize_calls").asBoolean()
                + ", normalize_duration " + p.get("normalize_duration").asBoolean() + ", latency_unit " + p.get("latency_unit").asString();
    }

    private static ObjectNode config(String url, MetricNames held) {
        ObjectNode root = YamlDocuments.object();
        ObjectNode service = root.putObject("service");
        service.putArray("extensions").add("jaeger_storage").add("jaeger_query").add("healthcheckv2");
        ObjectNode traces = service.putObject("pipelines").putObject("traces");
        traces.putArray("receivers").add("otlp");
        traces.putArray("processors").add("batch");
        traces.putArray("exporters").add("jaeger_storage_exporter");
        ObjectNode extensions = root.putObject("extensions");
        ObjectNode health = extensions.putObject("healthcheckv2");
        health.put("use_v2", true).putObject("http").put("endpoint", "0.0.0.0:" + HEALTH_PORT);
        ObjectNode query = extensions.putObject("jaeger_query");
        query.putObject("storage").put("traces", "memstore").put("metrics", "prometheus");
        query.putObject("http").put("endpoint", "0.0.0.0:16686");
        query.putObject("grpc").put("endpoint", "0.0.0.0:16685");
        ObjectNode storage = extensions.putObject("jaeger_storage");
        storage.putObject("backends").putObject("memstore").putObject("memory").put("max_traces", 100000);
        storage.putObject("metric_backends").putObject("prometheus").set("prometheus", prometheusBackend(url, held));
        ObjectNode protocols = root.putObject("receivers").putObject("otlp").putObject("protocols");
        protocols.putObject("grpc").put("endpoint", "0.0.0.0:4317");
        protocols.putObject("http").put("endpoint", "0.0.0.0:4318");
        root.putObject("processors").putObject("batch");
        root.putObject("exporters").putObject("jaeger_storage_exporter").put("trace_storage", "memstore");
        return root;
    }
}
