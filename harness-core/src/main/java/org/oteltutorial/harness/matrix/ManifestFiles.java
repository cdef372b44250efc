package org.oteltutorial.harness.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.oteltutorial.harness.tutorial.ManifestException;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.StepPlan;

/** A stack's manifest files as texts (relative name → YAML), so a cell can change a copy and write it out. */
public record ManifestFiles(Map<String, String> files) {

    public ManifestFiles {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The bundled step-06 files of {@code tutorial.yaml}. */
    public static ManifestFiles bundled() {
        Map<String, String> files = new LinkedHashMap<>();
        for (StepPlan.Step step : StepPlan.bundled().localSteps()) {
            String resource = StepPlan.BUNDLE_ROOT + step.file();
            try (InputStream in = ManifestFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ManifestException("bundled manifest " + resource + " is missing from the classpath");
                }
                files.put(step.file(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ManifestFiles(files);
    }

    /** Every {@code *.yaml}/{@code *.yml} below a directory. */
    public static ManifestFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ManifestException(dir + ": not a directory");
        }
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new ManifestException(dir + ": cannot read: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ManifestException(dir + ": directory holds no *.yaml or *.yml files");
        }
        return new ManifestFiles(files);
    }

    public ManifestFiles with(String file, String text) {
        Map<String, String> changed = new LinkedHashMap<>(files);
        changed.put(file, text);
        return new ManifestFiles(changed);
    }

    /** Every file's text passed through {@code edit}. */
    public ManifestFiles map(UnaryOperator<String> edit) {
        Map<String, String> changed = new LinkedHashMap<>();
        files.forEach((name, text) -> changed.put(name, edit.apply(text)));
        return new ManifestFiles(changed);
    }

    /** The parsed manifests, each resource's origin its file name here. */
    public Manifests manifests() {
        ManifestLoader loader = new ManifestLoader();
        List<org.oteltutorial.harness.tutorial.SourcedResource> all = new java.util.ArrayList<>();
        files.forEach((name, text) -> all.addAll(loader.parse(name, text)));
        return new Manifests(all);
    }

    public void write(Path dir) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = dir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
