package org.oteltutorial.harness.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oteltutorial.harness.images.Catalogue;
import org.oteltutorial.harness.images.CatalogueImage;
import org.oteltutorial.harness.tutorial.Version;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The cells a matrix can run: the built-in ones from the catalogue ({@code pinned}: the tutorial's versions; one per
 * component bumped alone to today's release; {@code current}: all three at today's releases), or those of a cells file
 * ({@code cells: [{id, versions: {collector, jaeger, prometheus}}]}).
 */
public final class Cells {

    public static final String PINNED = "pinned";
    public static final String CURRENT = "current";

    private Cells() {
    }

    public static List<Cell> builtIn(Catalogue catalogue) {
        Map<String, String> pinned = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (Component c : Component.values()) {
            pinned.put(c.key(), catalogue.component(c.catalogueName()).version());
            current.put(c.key(), todays(catalogue, c));
        }
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(PINNED, pinned));
        for (Component c : Component.values()) {
            Map<String, String> bumped = new LinkedHashMap<>(pinned);
            bumped.put(c.key(), current.get(c.key()));
            cells.add(new Cell(c.key() + "-" + current.get(c.key()), bumped));
        }
        cells.add(new Cell(CURRENT, current));
        return cells;
    }

    private static String todays(Catalogue catalogue, Component c) {
        String local = c == Component.JAEGER ? "jaeger-v2" : c.catalogueName();
        return catalogue.currentImage(local).map(CatalogueImage::version)
                .orElseThrow(() -> new IllegalStateException("catalogue: no current release of " + local));
    }

    /** The cells of a YAML file; a problem with it is bad input. */
    public static List<Cell> fromFile(Path file) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("cells").isArray() || root.path("cells").isEmpty()) {
            throw new IllegalArgumentException(file + ": expected 'cells:' with a list of {id, versions}");
        }
        List<Cell> cells = new ArrayList<>();
        for (JsonNode c : root.path("cells")) {
            String id = c.path("id").asString("");
            if (id.isBlank()) {
                throw new IllegalArgumentException(file + ": a cell has no id");
            }
            Map<String, String> versions = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> v : c.path("versions").properties()) {
                if (Component.byKey(v.getKey()).isEmpty()) {
                    throw new IllegalArgumentException(file + ": cell " + id + ": unknown component '" + v.getKey()
                            + "' (collector, jaeger or prometheus)");
                }
                String version = v.getValue().asString("");
                if (Version.parse(version).isEmpty()) {
                    throw new IllegalArgumentException(file + ": cell " + id + ": '" + version + "' is not a version");
                }
                versions.put(v.getKey(), version.startsWith("v") ? version.substring(1) : version);
            }
            cells.add(new Cell(id, versions));
        }
        return cells;
    }
}
