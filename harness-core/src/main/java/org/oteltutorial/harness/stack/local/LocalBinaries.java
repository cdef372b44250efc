package org.oteltutorial.harness.stack.local;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.oteltutorial.harness.images.BinaryCache;
import org.oteltutorial.harness.images.Catalogue;
import org.oteltutorial.harness.images.ComponentBuilder;
import org.oteltutorial.harness.images.LocalComponent;
import org.oteltutorial.harness.tutorial.ImageRef;

/**
 * Finds (building if needed) the binary of a component at the version the manifests' image names; an image without a
 * version falls back to the catalogue's pin.
 */
public final class LocalBinaries {

    private final Catalogue catalogue;
    private final ComponentBuilder builder;
    private final Consumer<String> notes;
    private final BinaryCache cache;

    public LocalBinaries(Catalogue catalogue, BinaryCache cache, Consumer<String> progress, Consumer<String> notes) {
        this.catalogue = catalogue;
        this.cache = cache;
        this.builder = new ComponentBuilder(cache, progress);
        this.notes = notes;
    }

    public static LocalBinaries standard(Consumer<String> progress, Consumer<String> notes) {
        return new LocalBinaries(Catalogue.bundled(), BinaryCache.fromEnvironment(), progress, notes);
    }

    public Path binary(String component, ImageRef image) {
        LocalComponent pinned = catalogue.component(component);
        Optional<String> version = image == null ? Optional.empty() : image.version().map(Object::toString);
        if (version.isEmpty()) {
            notes.accept(component + ": the image " + image + " has no version, so the catalogue's " + pinned.version() + " runs");
        }
        return builder.ensure(pinned.withVersion(version.orElse(pinned.version())));
    }

    /** Whether every catalogued component's binary is already built. */
    public boolean allBuilt() {
        return catalogue.localComponents().stream().allMatch(c -> cache.built(c).isPresent());
    }

    /** Builds every catalogued component that is missing (the preparation step). */
    public void prepareAll() {
        catalogue.localComponents().forEach(builder::ensure);
    }

    /** Builds today's releases that are missing (the catalogue's {@code current} images), for the version matrix. */
    public void prepareCurrent() {
        catalogue.current().stream().map(i -> catalogue.component(i.local()).withVersion(i.version())).forEach(builder::ensure);
    }
}
