package org.oteltutorial.harness.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The image catalogue ({@code catalogue.yaml}): every image of the steps, today's releases of the local components
 * ({@code current}, for the version matrix), how the local components are built, and the kube stack's own programs.
 */
public record Catalogue(List<CatalogueImage> images, List<CatalogueImage> current, Map<String, Recipe> components, Kube kube) {

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
        current = current == null ? List.of() : List.copyOf(current);
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

    /** The local component with the version its catalogue image pins (the tutorial's, else today's release). */
    public LocalComponent component(String name) {
        Recipe recipe = components.get(name);
        if (recipe == null) {
            throw new IllegalArgumentException("no local component '" + name + "' in the catalogue (known: " + components.keySet() + ")");
        }
        CatalogueImage image = pinnedImage(name).or(() -> currentImage(name))
                .orElseThrow(() -> new IllegalStateException("catalogue: no image is marked local: " + name));
        return new LocalComponent(name, recipe.binary(), recipe.script(), image.version());
    }

    /** The components the tutorial's own images run (what {@code harness prepare} builds). */
    public List<LocalComponent> localComponents() {
        return components.keySet().stream().sorted().filter(n -> pinnedImage(n).isPresent()).map(this::component).toList();
    }

    /** Today's release of a component, e.g. {@code jaegertracing/jaeger:2.13.0} for {@code jaeger-v2}. */
    public Optional<CatalogueImage> currentImage(String component) {
        return current.stream().filter(i -> component.equals(i.local())).findFirst();
    }

    private Optional<CatalogueImage> pinnedImage(String component) {
        return images.stream().filter(i -> component.equals(i.local())).findFirst();
    }

    public Optional<CatalogueImage> image(String image) {
        return images.stream().filter(i -> i.image().equals(image)).findFirst();
    }
}
