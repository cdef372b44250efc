package org.oteltutorial.harness.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;

/**
 * The bundled step-06 manifests, as text, with edits: each edit names the file and the exact text it replaces, and
 * fails when that text is not there (so a change to the bundled manifests breaks the test instead of silently
 * testing the unedited stack).
 */
public final class Step06 {

    private final Map<String, String> files;

    private Step06(Map<String, String> files) {
        this.files = files;
    }

    public static Step06 bundled() {
        Map<String, String> files = new LinkedHashMap<>();
        for (StepPlan.Step step : StepPlan.bundled().localSteps()) {
            String resource = StepPlan.BUNDLE_ROOT + step.file();
            try (InputStream in = Step06.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled manifest " + resource + " is not on the test classpath");
                }
                files.put(step.file(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Step06(files);
    }

    /** The text of a bundled file, by its name ({@code collector.yaml}). */
    public String text(String file) {
        return files.get(key(file));
    }

    /** A copy with {@code from} (which must occur exactly once) replaced by {@code to} in {@code file}. */
    public Step06 replace(String file, String from, String to) {
        String k = key(file);
        String text = files.get(k);
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException(k + " does not contain exactly one '" + from + "'");
        }
        Map<String, String> copy = new LinkedHashMap<>(files);
        copy.put(k, text.substring(0, at) + to + text.substring(at + from.length()));
        return new Step06(copy);
    }

    public Manifests manifests() {
        ManifestLoader loader = new ManifestLoader();
        List<SourcedResource> all = new ArrayList<>();
        files.forEach((file, text) -> all.addAll(loader.parse(file, text)));
        return new Manifests(all);
    }

    public StackModel model() {
        return StackModel.from(manifests());
    }

    private String key(String file) {
        return files.keySet().stream().filter(k -> k.equals(file) || k.endsWith("/" + file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bundled file " + file + " among " + files.keySet()));
    }
}
