package org.oteltutorial.harness.reader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The objects a reader's commands leave in the cluster, changed the way kubectl changes them. */
final class ReaderState {

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "PersistentVolume",
            "StorageClass", "PriorityClass", "APIService");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod",
            "OpenTelemetryCollector");
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, HeldObject> objects = new LinkedHashMap<>();

    /** Objects in the order they were first created. */
    List<HeldObject> objects() {
        return List.copyOf(objects.values());
    }

    Optional<HeldObject> get(String kind, String namespace, String name) {
        return Optional.ofNullable(objects.get(key(kind, namespace, name)));
    }

    /** @return what the command did to the object, e.g. {@code created}, {@code configured}, {@code unchanged} */
    String apply(ChapterLine at, String origin, int line, JsonNode document, Optional<String> namespace, boolean replace) {
        ObjectNode config = withNamespace(document, namespace);
        String key = key(config);
        HeldObject held = objects.get(key);
        if (held == null) {
            if (replace) {
                throw new ChapterCommandException(at, "kubectl replace of " + describe(config) + ", which does not exist at that point");
            }
            put(key, new HeldObject(config.deepCopy(), config, origin, line, at, Optional.empty(), Optional.empty()), at, null);
            return "created";
        }
        ObjectNode live = held.live().deepCopy();
        if (replace) {
            live = config.deepCopy();
        } else {
            StrategicMerge.apply(live, held.lastApplied(), config);
        }
        boolean changed = !live.equals(held.live());
        put(key, new HeldObject(live, replace ? held.lastApplied() : config, origin, line, changed ? at : held.changedAt(),
                held.podsCreated(), held.injectedWith()), at, held);
        return replace ? "replaced" : changed ? "configured" : "unchanged";
    }

    String patch(ChapterLine at, ReaderCommand.ObjectName target, String patch, boolean strategic) {
        HeldObject held = require(at, target);
        ObjectNode live = held.live().deepCopy();
        StrategicMerge.merge(live, json.readTree(patch), strategic);
        return change(at, held, live);
    }

    String setEnv(ChapterLine at, ReaderCommand.SetEnv command) {
        HeldObject held = require(at, command.target());
        ObjectNode live = held.live().deepCopy();
        for (ObjectNode container : containers(at, live, command.target())) {
            if (command.container().isPresent() && !command.container().get().equals(container.path("name").asString())) {
                continue;
            }
            ArrayNode env = container.has("env") && container.get("env").isArray() ? (ArrayNode) container.get("env") : container.putArray("env");
            command.set().forEach((name, value) -> {
                ObjectNode variable = null;
                for (JsonNode e : env) {
                    if (name.equals(e.path("name").asString())) {
                        variable = (ObjectNode) e;
                    }
                }
                if (variable == null) {
                    variable = env.addObject().put("name", name);
                }
                variable.remove("valueFrom");
                variable.put("value", value);
            });
            for (int i = env.size() - 1; i >= 0; i--) {
                if (command.unset().contains(env.get(i).path("name").asString())) {
                    env.remove(i);
                }
            }
        }
        return change(at, held, live);
    }

    String setImage(ChapterLine at, ReaderCommand.SetImage command) {
        HeldObject held = require(at, command.target());
        ObjectNode live = held.live().deepCopy();
        List<ObjectNode> containers = containers(at, live, command.target());
        for (Map.Entry<String, String> e : command.images().entrySet()) {
            boolean found = false;
            for (ObjectNode c : containers) {
                if (e.getKey().equals("*") || e.getKey().equals(c.path("name").asString())) {
                    c.put("image", e.getValue());
                    found = true;
                }
            }
            if (!found) {
                throw new ChapterCommandException(at, command.target().describe() + " has no container " + e.getKey());
            }
        }
        return change(at, held, live);
    }

    String restart(ChapterLine at, ReaderCommand.ObjectName target) {
        HeldObject held = require(at, target);
        ObjectNode live = held.live().deepCopy();
        ObjectNode template = template(live).orElseThrow(() -> new ChapterCommandException(at, target.describe() + " has no pods to restart"));
        template.withObjectProperty("metadata").withObjectProperty("annotations").put(RESTARTED_AT, at.location());
        return change(at, held, live);
    }

    String delete(ChapterLine at, String kind, String namespace, String name) {
        return objects.remove(key(kind, namespace, name)) == null ? "not found (kubectl would fail here)" : "deleted";
    }

    ObjectNode withNamespace(JsonNode document, Optional<String> namespace) {
        ObjectNode config = (ObjectNode) document.deepCopy();
        String kind = config.path("kind").asString("");
        ObjectNode meta = config.withObjectProperty("metadata");
        if (!CLUSTER_SCOPED.contains(kind) && meta.path("namespace").asString("").isEmpty()) {
            meta.put("namespace", namespace.orElse("default"));
        }
        return config;
    }

    private String change(ChapterLine at, HeldObject held, ObjectNode live) {
        if (live.equals(held.live())) {
            return "unchanged";
        }
        put(key(live), new HeldObject(live, held.lastApplied(), held.origin(), held.line(), at, held.podsCreated(), held.injectedWith()),
                at, held);
        return "changed";
    }

    /** Stores the object; a new workload or a changed pod template means new pods, injected by the Instrumentation of that moment. */
    private void put(String key, HeldObject object, ChapterLine at, HeldObject before) {
        HeldObject stored = object;
        if (WORKLOADS.contains(object.kind())) {
            boolean newPods = before == null || !template(object.live()).equals(template(before.live()));
            if (newPods) {
                Optional<HeldObject> instrumentation = objects.values().stream()
                        .filter(o -> o.kind().equals("Instrumentation") && o.namespace().equals(object.namespace())).findFirst();
                stored = new HeldObject(object.live(), object.lastApplied(), object.origin(), object.line(), object.changedAt(),
                        Optional.of(at), instrumentation);
            }
        }
        objects.put(key, stored);
    }

    private HeldObject require(ChapterLine at, ReaderCommand.ObjectName target) {
        String ns = target.namespace().orElse("default");
        return get(target.kind(), ns, target.name()).orElseThrow(() -> new ChapterCommandException(at,
                target.kind() + " " + ns + "/" + target.name() + " does not exist at that point of the reader's path"));
    }

    private static List<ObjectNode> containers(ChapterLine at, ObjectNode live, ReaderCommand.ObjectName target) {
        ObjectNode template = template(live).orElseThrow(() -> new ChapterCommandException(at, target.describe() + " has no pod template"));
        List<ObjectNode> containers = new ArrayList<>();
        template.path("spec").path("containers").forEach(c -> containers.add((ObjectNode) c));
        return containers;
    }

    private static Optional<ObjectNode> template(JsonNode live) {
        if (live.path("kind").asString("").equals("Pod")) {
            return Optional.of((ObjectNode) live);
        }
        JsonNode t = live.path("spec").path("template");
        if (t.isObject()) {
            return Optional.of((ObjectNode) t);
        }
        // An OpenTelemetryCollector's pods change with its spec.
        return live.path("kind").asString("").equals("OpenTelemetryCollector") && live.path("spec").isObject()
                ? Optional.of((ObjectNode) live.path("spec")) : Optional.empty();
    }

    private static String describe(JsonNode o) {
        return o.path("kind").asString("") + " " + o.path("metadata").path("namespace").asString("") + "/"
                + o.path("metadata").path("name").asString("");
    }

    private static String key(JsonNode o) {
        return key(o.path("kind").asString(""), o.path("metadata").path("namespace").asString(""), o.path("metadata").path("name").asString(""));
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "|" + (CLUSTER_SCOPED.contains(kind) ? "" : namespace) + "|" + name;
    }
}
