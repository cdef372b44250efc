package org.oteltutorial.harness.reader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.oteltutorial.harness.tutorial.ManifestException;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.SourcedResource;

/** The manifests of a checkout, applied or not: where the chapters' text and files are compared. */
public final class CheckoutFiles {

    private static final int DEPTH = 3;

    private final Path dir;
    private final List<String> paths;
    /** Read once per lint: several rules look at every file. */
    private List<Manifests> manifests;

    public CheckoutFiles(Path dir) {
        this.dir = dir;
        try (Stream<Path> walk = Files.walk(dir, DEPTH)) {
            this.paths = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.startsWith(".") && !p.contains("node_modules"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ManifestException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** Paths relative to the checkout, in name order. */
    public List<String> paths() {
        return paths;
    }

    public List<String> lines(String path) {
        try {
            return Files.readAllLines(dir.resolve(path));
        } catch (IOException e) {
            throw new ManifestException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The Kubernetes resources of one file; empty for a file that is no manifest (e.g. a collector's own config). */
    public Optional<Manifests> manifests(String path) {
        try {
            List<SourcedResource> resources = new ManifestLoader().parse(path, String.join("\n", lines(path)));
            return resources.isEmpty() ? Optional.empty() : Optional.of(new Manifests(resources));
        } catch (ManifestException e) {
            return Optional.empty();
        }
    }

    /** The resources of the files whose text contains {@code text} (a cheap filter before parsing), in name order. */
    public List<Manifests> manifestsContaining(String text) {
        List<Manifests> found = new ArrayList<>();
        for (String p : paths) {
            if (String.join("\n", lines(p)).contains(text)) {
                manifests(p).ifPresent(found::add);
            }
        }
        return found;
    }

    /** Every file's resources that parse, in name order. */
    public List<Manifests> allManifests() {
        if (manifests == null) {
            List<Manifests> all = new ArrayList<>();
            paths.forEach(p -> manifests(p).ifPresent(all::add));
            manifests = List.copyOf(all);
        }
        return manifests;
    }
}
