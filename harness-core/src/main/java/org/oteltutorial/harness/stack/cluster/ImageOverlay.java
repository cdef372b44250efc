package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StepPlan.Overlay;
import org.oteltutorial.harness.tutorial.StepPlan.Step;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Applies a step's {@code replaceImage} overlays to its resources: every {@code image} field (containers, init
 * containers, in any kind) equal to {@code from} becomes {@code to}. Each replacement yields a report note with the
 * overlay's reason; an overlay that matches nothing stops the run, since the step plan no longer fits the manifest.
 */
public final class ImageOverlay {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final ObjectMapper json = new ObjectMapper();

    /** The step's resources with its overlays applied, and a note per replacement. */
    public record Result(List<SourcedResource> resources, List<String> notes) {

        public Result {
            resources = List.copyOf(resources);
            notes = List.copyOf(notes);
        }
    }

    public Result apply(Step step, List<SourcedResource> resources) {
        List<SourcedResource> current = new ArrayList<>(resources);
        List<String> notes = new ArrayList<>();
        for (Overlay overlay : step.overlays()) {
            if (overlay.replaceImage() == null) {
                continue;
            }
            String from = overlay.replaceImage().from();
            String to = overlay.replaceImage().to();
            List<String> places = new ArrayList<>();
            for (int i = 0; i < current.size(); i++) {
                SourcedResource r = current.get(i);
                JsonNode tree = json.readTree(serialization.asJson(r.resource()));
                List<String> containers = new ArrayList<>();
                replace(tree, from, to, containers);
                if (!containers.isEmpty()) {
                    HasMetadata replaced = serialization.unmarshal(json.writeValueAsString(tree), HasMetadata.class);
                    current.set(i, new SourcedResource(r.origin(), r.line(), replaced));
                    places.add(r.describe() + " (container " + String.join(", ", containers) + ")");
                }
            }
            if (places.isEmpty()) {
                throw new StackStartException("overlay " + overlay.id() + " of step " + step.id() + " matched nothing: image " + from
                        + " does not occur in " + source(step) + "; the step plan (tutorial.yaml) no longer fits that manifest");
            }
            notes.add("overlay " + overlay.id() + ": " + from + " replaced by " + to + " in " + String.join(", ", places)
                    + " because " + overlay.reason().strip());
        }
        return new Result(current, notes);
    }

    private static String source(Step step) {
        return step.url() != null ? step.url() : step.file();
    }

    private static void replace(JsonNode node, String from, String to, List<String> containers) {
        if (node instanceof ObjectNode object) {
            JsonNode image = object.get("image");
            if (image != null && image.isString() && image.asString().equals(from)) {
                object.set("image", StringNode.valueOf(to));
                containers.add(object.path("name").asString("?"));
            }
            for (JsonNode child : object.values()) {
                replace(child, from, to, containers);
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node) {
                replace(child, from, to, containers);
            }
        }
    }
}
