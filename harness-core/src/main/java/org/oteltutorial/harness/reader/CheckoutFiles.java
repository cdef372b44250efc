package org.oteltutorial.harness.reader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.oteltutorial.harness.tutorial.ManifestException;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StackModel;

/** The manifests of a checkout, applied or not: where the chapters' text and files are compared. */
public final class CheckoutFiles {

    private static final int DEPTH = 3;

    private final Path dir;
    private final List<String> paths;
    /** Read and parsed once per lint: several rules look at the same files. */
    private final Map<String, List<String>> lines = new HashMap<>();
    private final Map<String, Optional<Manifests>> parsed = new HashMap<>();
    private final Map<String, Optional<StackModel>> models = new HashMap<>();

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
        return lines.computeIfAbsent(path, p -> {
            try {
                return List.copyOf(Files.readAllLines(dir.resolve(p)));
            } catch (IOException e) {
                throw new ManifestException(p + ": cannot read: " + e.getMessage(), e);
            }
        });
    }

    /** The Kubernetes resources of one file; empty for a file that is no manifest (e.g. a collector's own config). */
    public Optional<Manifests> manifests(String path) {
        return parsed.computeIfAbsent(path, p -> {
            try {
                List<SourcedResource> resources = new ManifestLoader().parse(p, String.join("\n", lines(p)));
                return resources.isEmpty() ? Optional.empty() : Optional.of(new Manifests(resources));
            } catch (ManifestException e) {
                return Optional.empty();
            }
        });
    }

    /** The model of one file on its own; empty for a file the model cannot read (e.g. a collector CR without config). */
    public Optional<StackModel> model(String path) {
        return models.computeIfAbsent(path, p -> manifests(p).flatMap(m -> {
            try {
                return Optional.of(StackModel.from(m));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }));
    }

    /** The paths whose text contains {@code text} (a cheap filter before parsing), in name order. */
    public List<String> containing(String text) {
        return paths.stream().filter(p -> lines(p).stream().anyMatch(l -> l.contains(text))).toList();
    }
}
