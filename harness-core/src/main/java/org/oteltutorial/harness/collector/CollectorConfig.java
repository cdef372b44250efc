package org.oteltutorial.harness.collector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A collector configuration as a typed pipeline graph: the components defined per section, with their settings,
 * and the pipelines that wire them.
 */
public final class CollectorConfig {

    private final Map<ComponentRole, Map<ComponentId, JsonNode>> components;
    private final List<Pipeline> pipelines;
    private final List<ComponentId> serviceExtensions;
    private final String text;

    private CollectorConfig(Map<ComponentRole, Map<ComponentId, JsonNode>> components, List<Pipeline> pipelines,
            List<ComponentId> serviceExtensions, String text) {
        this.components = components;
        this.serviceExtensions = List.copyOf(serviceExtensions);
        this.pipelines = List.copyOf(pipelines);
        this.text = text;
    }

    public static CollectorConfig parse(String yamlText) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(yamlText);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new CollectorConfigException("not valid YAML" + (loc == null ? "" : " at config line " + loc.getLineNr())
                    + ": " + YamlProblem.oneLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new CollectorConfigException("the config is empty");
        }
        if (!root.isObject()) {
            throw new CollectorConfigException("the config is not a mapping of receivers, processors, exporters and service");
        }
        Map<ComponentRole, Map<ComponentId, JsonNode>> components = new EnumMap<>(ComponentRole.class);
        for (ComponentRole role : ComponentRole.values()) {
            Map<ComponentId, JsonNode> defined = new LinkedHashMap<>();
            JsonNode section = root.path(role.section());
            for (Map.Entry<String, JsonNode> e : section.properties()) {
                defined.put(ComponentId.parse(e.getKey()), e.getValue());
            }
            components.put(role, Collections.unmodifiableMap(defined));
        }
        List<Pipeline> pipelines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.path("service").path("pipelines").properties()) {
            String id = e.getKey();
            String signalPart = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
            Signal signal = Signal.parse(signalPart).orElseThrow(() -> new CollectorConfigException(
                    "pipeline " + id + ": unknown signal '" + signalPart + "' (traces, metrics or logs)"));
            JsonNode p = e.getValue();
            String where = "pipeline " + id + " ";
            pipelines.add(new Pipeline(id, signal, ids(p.path("receivers"), where + "receivers"),
                    ids(p.path("processors"), where + "processors"), ids(p.path("exporters"), where + "exporters")));
        }
        return new CollectorConfig(components, pipelines, ids(root.path("service").path("extensions"), "service.extensions"), yamlText);
    }

    private static List<ComponentId> ids(JsonNode list, String where) {
        List<ComponentId> ids = new ArrayList<>();
        for (JsonNode n : list) {
            if (!n.isValueNode() || n.isNull()) {
                throw new CollectorConfigException(where + ": '" + n + "' is not a component id (the list holds ids such as otlp"
                        + " or otlphttp/metrics)");
            }
            ids.add(ComponentId.parse(n.asString()));
        }
        return ids;
    }

    public Map<ComponentId, JsonNode> defined(ComponentRole role) {
        return components.get(role);
    }

    public boolean isDefined(ComponentRole role, ComponentId id) {
        return components.get(role).containsKey(id);
    }

    /** Settings of a component; a component defined with no settings ({@code spanmetrics:}) gives a missing node. */
    public JsonNode settings(ComponentRole role, ComponentId id) {
        JsonNode node = components.get(role).get(id);
        return node == null || node.isNull() ? MissingNode.getInstance() : node;
    }

    public List<Pipeline> pipelines() {
        return pipelines;
    }

    public Optional<Pipeline> pipeline(String id) {
        return pipelines.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Connectors of the given type (e.g. all {@code spanmetrics} or {@code spanmetrics/x}), under its current name too. */
    public List<ComponentId> connectorsOfType(String type) {
        return components.get(ComponentRole.CONNECTOR).keySet().stream().filter(id -> id.canonicalType().equals(type)).toList();
    }

    public List<Pipeline> pipelinesExportingTo(ComponentId id) {
        return pipelines.stream().filter(p -> p.exporters().contains(id)).toList();
    }

    public List<Pipeline> pipelinesReceivingFrom(ComponentId id) {
        return pipelines.stream().filter(p -> p.receivers().contains(id)).toList();
    }

    /** Every id a pipeline names, with the role the pipeline uses it in. */
    public Stream<Map.Entry<ComponentRole, ComponentId>> references(Pipeline p) {
        return Stream.of(
                p.receivers().stream().map(id -> Map.entry(ComponentRole.RECEIVER, id)),
                p.processors().stream().map(id -> Map.entry(ComponentRole.PROCESSOR, id)),
                p.exporters().stream().map(id -> Map.entry(ComponentRole.EXPORTER, id)))
                .flatMap(s -> s);
    }

    /** The extensions {@code service.extensions} enables. */
    public List<ComponentId> extensionsInUse() {
        return serviceExtensions;
    }

    /** The original text, as the collector would read it. */
    public String text() {
        return text;
    }
}
