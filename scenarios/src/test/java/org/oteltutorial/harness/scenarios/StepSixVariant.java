package org.oteltutorial.harness.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bundled step-06 manifests written to a directory, with textual edits that break (or rename) one thing. */
final class StepSixVariant {

    static final List<String> FILES = List.of("backend.yaml", "collector.yaml", "app.yaml", "instrumentation.yaml");

    private final Map<String, String> texts = new LinkedHashMap<>();

    private StepSixVariant() {
        for (String file : FILES) {
            try (InputStream in = StepSixVariant.class.getClassLoader().getResourceAsStream("tutorial/step-06/" + file)) {
                texts.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static StepSixVariant bundled() {
        return new StepSixVariant();
    }

    /** Replaces text that must occur in the file (so a variant can never silently be the original). */
    StepSixVariant replace(String file, String from, String to) {
        String text = texts.get(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain: " + from);
        }
        texts.put(file, text.replace(from, to));
        return this;
    }

    Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : texts.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
