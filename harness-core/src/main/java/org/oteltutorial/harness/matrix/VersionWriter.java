package org.oteltutorial.harness.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.tutorial.ImageRef;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Version;

/**
 * Writes a cell's versions into the manifests' image tags, as a reader bumping a release would: the tag changes,
 * the tag's {@code v} prefix convention stays, and Jaeger 2.x moves from {@code jaegertracing/all-in-one} to the only
 * image v2 is published as, {@code jaegertracing/jaeger}.
 */
final class VersionWriter {

    private static final String JAEGER_V2_REPOSITORY = "jaegertracing/" + JaegerModel.V2_IMAGE_NAME;
    private static final String JAEGER_V1_REPOSITORY = "jaegertracing/all-in-one";

    /** The files with the new image names, and a line per image that changed. */
    record Written(ManifestFiles files, List<String> changes) {
    }

    Written write(ManifestFiles files, StackModel model, Cell cell) {
        List<String[]> replacements = new ArrayList<>();
        version(cell, Component.COLLECTOR).ifPresent(v -> model.collector().map(c -> c.image()).ifPresent(image ->
                replacements.add(new String[] {image.raw(), retag(image, v)})));
        version(cell, Component.PROMETHEUS).ifPresent(v -> model.prometheus().ifPresent(p ->
                replacements.add(new String[] {p.image().raw(), retag(p.image(), v)})));
        version(cell, Component.JAEGER).ifPresent(v -> model.jaeger().ifPresent(j ->
                replacements.add(new String[] {j.image().raw(), jaegerImage(j.image(), v)})));
        ManifestFiles out = files;
        List<String> changes = new ArrayList<>();
        for (String[] r : replacements) {
            if (!r[0].equals(r[1])) {
                out = out.map(text -> text.replace("image: " + r[0], "image: " + r[1]).replace("image: \"" + r[0] + "\"", "image: \"" + r[1] + "\""));
                changes.add(r[0] + " -> " + r[1]);
            }
        }
        return new Written(out, changes);
    }

    private static Optional<String> version(Cell cell, Component component) {
        return Optional.ofNullable(cell.versions().get(component.key()));
    }

    private static String retag(ImageRef image, String version) {
        String tag = image.tag() != null && image.tag().startsWith("v") ? "v" + version : version;
        return prefix(image) + image.repository() + ":" + tag;
    }

    private static String jaegerImage(ImageRef image, String version) {
        boolean v2 = Version.of(version).major() >= 2;
        String repository = v2 ? JAEGER_V2_REPOSITORY : image.repository().equals(JAEGER_V2_REPOSITORY) ? JAEGER_V1_REPOSITORY : image.repository();
        return prefix(image) + repository + ":" + version;
    }

    private static String prefix(ImageRef image) {
        return image.registry() == null || image.registry().isEmpty() || image.raw().startsWith(image.repository()) ? "" : image.registry() + "/";
    }
}
