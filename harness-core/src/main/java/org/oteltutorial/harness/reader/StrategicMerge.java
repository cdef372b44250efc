package org.oteltutorial.harness.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * kubectl's merges on the JSON of an object. Strategic merge: maps merge, {@code null} deletes, lists of the core
 * types merge by their patch merge key ({@code containers}, {@code env}, {@code volumes} … by {@code name},
 * {@code volumeMounts} by {@code mountPath}, {@code ports} by {@code containerPort} or {@code port}), other lists are
 * replaced. JSON merge patch ({@code --type merge}): the same, but every list is replaced. Client-side apply: a
 * three-way merge that also removes what the last applied configuration had and the new one no longer has.
 */
final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "ephemeralContainers", "name", "env", "name", "volumes", "name", "volumeMounts", "mountPath",
            "imagePullSecrets", "name", "hostAliases", "ip");

    private StrategicMerge() {
    }

    static void merge(ObjectNode target, JsonNode patch, boolean strategic) {
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String field = e.getKey();
            JsonNode value = e.getValue();
            JsonNode current = target.get(field);
            if (value.isNull()) {
                target.remove(field);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, value, strategic);
            } else if (strategic && value.isArray() && current != null && current.isArray() && mergeKey(field, value).isPresent()) {
                mergeList((ArrayNode) current, (ArrayNode) value, mergeKey(field, value).get());
            } else {
                target.set(field, value.deepCopy());
            }
        }
    }

    /** {@code kubectl apply}: removes what {@code lastApplied} set and {@code config} no longer does, then merges {@code config}. */
    static void apply(ObjectNode live, JsonNode lastApplied, JsonNode config) {
        prune(live, lastApplied, config);
        merge(live, config, true);
    }

    private static void prune(ObjectNode live, JsonNode last, JsonNode config) {
        if (last == null || !last.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : last.properties()) {
            String field = e.getKey();
            JsonNode now = config.get(field);
            JsonNode current = live.get(field);
            if (now == null) {
                live.remove(field);
            } else if (e.getValue().isObject() && now.isObject() && current != null && current.isObject()) {
                prune((ObjectNode) current, e.getValue(), now);
            } else if (e.getValue().isArray() && now.isArray() && current != null && current.isArray()
                    && mergeKey(field, e.getValue()).isPresent()) {
                String key = mergeKey(field, e.getValue()).get();
                ArrayNode list = (ArrayNode) current;
                for (JsonNode old : e.getValue()) {
                    Optional<JsonNode> kept = find(now, key, old.get(key));
                    Optional<JsonNode> held = find(list, key, old.get(key));
                    if (kept.isEmpty()) {
                        removeWhere(list, key, old.get(key));
                    } else if (held.isPresent() && held.get().isObject()) {
                        prune((ObjectNode) held.get(), old, kept.get());
                    }
                }
            }
        }
    }

    private static void mergeList(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode element : patch) {
            Optional<JsonNode> existing = find(current, key, element.get(key));
            if (existing.isPresent() && existing.get().isObject()) {
                merge((ObjectNode) existing.get(), element, true);
            } else {
                current.add(element.deepCopy());
            }
        }
    }

    private static Optional<String> mergeKey(String field, JsonNode list) {
        if (field.equals("ports")) {
            for (JsonNode p : list) {
                return Optional.of(p.has("containerPort") ? "containerPort" : "port");
            }
            return Optional.empty();
        }
        return Optional.ofNullable(MERGE_KEYS.get(field));
    }

    private static Optional<JsonNode> find(JsonNode list, String key, JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        for (JsonNode element : list) {
            if (value.equals(element.get(key))) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static void removeWhere(ArrayNode list, String key, JsonNode value) {
        List<Integer> drop = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (value != null && value.equals(list.get(i).get(key))) {
                drop.add(i);
            }
        }
        for (int i = drop.size() - 1; i >= 0; i--) {
            list.remove((int) drop.get(i));
        }
    }
}
