package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds {@link KubernetesDefaults} against a real API server: each Service and workload is sent with {@code dryRun=All}
 * and the server's answer must hold every field of the model's defaulted copy, with the same value (the server adds
 * fields the model does not read). Objects go into fresh namespaces of this comparison, deleted afterwards, so objects a
 * running stack already holds never answer 409.
 */
public final class ApiServerDefaults {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final JsonMapper json = JsonMapper.builder().build();
    private final KubernetesDefaults defaults = new KubernetesDefaults();

    /** The kinds whose defaulting the harness reads. */
    public static List<SourcedResource> compared(List<SourcedResource> resources) {
        return resources.stream().filter(r -> r.resource() instanceof Service || r.resource() instanceof Deployment
                || r.resource() instanceof StatefulSet || r.resource() instanceof DaemonSet).toList();
    }

    /** Every field the model defaults differently from the API server, as {@code file:line kind ns/name .path: model X, server Y}. */
    public List<String> differences(KubernetesClient client, List<SourcedResource> resources) {
        String prefix = "defaults-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Set<String> created = new LinkedHashSet<>();
        try {
            List<String> differences = new ArrayList<>();
            for (SourcedResource r : compared(resources)) {
                if (created.add(prefix + r.namespace())) {
                    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(prefix + r.namespace()).endMetadata().build())
                            .create();
                }
                HasMetadata sent = serialization.clone(r.resource());
                sent.getMetadata().setNamespace(prefix + r.namespace());
                HasMetadata answer = client.resource(sent).dryRun().create();
                contained(r.location() + " " + r.describe(), "", tree(defaults.apply(r.resource())).path("spec"), tree(answer).path("spec"),
                        differences);
            }
            return differences;
        } finally {
            created.forEach(ns -> client.namespaces().withName(ns).delete());
        }
    }

    private JsonNode tree(HasMetadata resource) {
        return json.readTree(serialization.asJson(resource));
    }

    private static void contained(String where, String path, JsonNode model, JsonNode server, List<String> differences) {
        if (model.isObject()) {
            for (Map.Entry<String, JsonNode> e : model.properties()) {
                contained(where, path + "." + e.getKey(), e.getValue(), server.path(e.getKey()), differences);
            }
        } else if (model.isArray()) {
            if (!server.isArray() || server.size() != model.size()) {
                differences.add(where + " " + path + ": model " + model + ", server " + server);
                return;
            }
            for (int i = 0; i < model.size(); i++) {
                contained(where, path + "[" + i + "]", model.get(i), server.get(i), differences);
            }
        } else if (!model.equals(server)) {
            differences.add(where + " " + path + ": model " + model + ", server " + server);
        }
    }
}
