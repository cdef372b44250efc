package org.oteltutorial.harness.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The image catalogue ({@code catalogue.yaml}): every image of the steps, and the local components built from them. */
public record Catalogue(List<CatalogueImage> images, Map<String, Recipe> components, Kube kube) {

    /** How a local component is built; {@code version} only where no catalogue image pins it (the kube stack's). */
    public record Recipe(String binary, String script, String version) {
    }

    /** The kube stack's own programs (pinned by {@code version}) and the names of the images it makes from them. */
    public record Kube(Map<String, Recipe> components, String pauseImage, String corednsImage) {

        public Kube {
            components = components == null ? Map.of() : Map.copyOf(components);
        }

        public LocalComponent component(String name) {
            Recipe recipe = components.get(name);
            if (recipe == null || recipe.version() == null) {
                throw new IllegalArgumentException("no kube component '" + name + "' with a version in the catalogue (known: "
                        + components.keySet() + ")");
            }
            return new LocalComponent(name, recipe.binary(), recipe.script(), recipe.version());
        }
    }

    public Catalogue {
        images = List.copyOf(images);
        components = Map.copyOf(components);
    }

    public static Catalogue bundled() {
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream("catalogue.yaml")) {
            if (in == null) {
                throw new IllegalStateException("catalogue.yaml is missing from the classpath");
            }
            return YAMLMapper.builder().build().readValue(in, Catalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local component with the version its catalogue image pins. */
    public LocalComponent component(String name) {
        Recipe recipe = components.get(name);
        if (recipe == null) {
            throw new IllegalArgumentException("no local component '" + name + "' in the catalogue (known: " + components.keySet() + ")");
        }
        CatalogueImage image = images.stream().filter(i -> name.equals(i.local())).findFirst()
                .orElseThrow(() -> new IllegalStateException("catalogue: no image is marked local: " + name));
        return new LocalComponent(name, recipe.binary(), recipe.script(), image.version());
    }

    public List<LocalComponent> localComponents() {
        return components.keySet().stream().sorted().map(this::component).toList();
    }

    public Optional<CatalogueImage> image(String image) {
        return images.stream().filter(i -> i.image().equals(image)).findFirst();
    }
}
