package org.oteltutorial.harness.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where built binaries and the Go caches live, outside the repository: {@code $HARNESS_CACHE}, else
 * {@code ~/.cache/otel-tutorial-harness}. A binary is {@code bin/<component>-<version>/<binary>}, so a version
 * change builds anew and the old one stays usable.
 */
public record BinaryCache(Path root) {

    public static final String ENV = "HARNESS_CACHE";

    public static BinaryCache fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static BinaryCache fromEnvironment(Map<String, String> env) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            return new BinaryCache(Path.of(configured).toAbsolutePath());
        }
        return new BinaryCache(Path.of(System.getProperty("user.home"), ".cache", "otel-tutorial-harness"));
    }

    public Path binary(LocalComponent component) {
        return root.resolve("bin").resolve(component.name() + "-" + component.version()).resolve(component.binary());
    }

    /** The binary, if it has been built. */
    public Optional<Path> built(LocalComponent component) {
        Path binary = binary(component);
        return Files.isExecutable(binary) ? Optional.of(binary) : Optional.empty();
    }

    public Path goModCache() {
        return root.resolve("go").resolve("mod");
    }

    public Path goBuildCache() {
        return root.resolve("go").resolve("build");
    }

    public Path goPath() {
        return root.resolve("go").resolve("path");
    }

    public Path work(LocalComponent component) {
        return root.resolve("work").resolve(component.name() + "-" + component.version());
    }

    public Path buildLog(LocalComponent component) {
        return root.resolve("logs").resolve(component.name() + "-" + component.version() + ".log");
    }
}
