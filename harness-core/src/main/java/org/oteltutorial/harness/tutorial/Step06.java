package org.oteltutorial.harness.tutorial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.lint.Linter;

/**
 * Manifest variants: the bundled step-06 manifest texts, and variants of them made by string edits, as unit tests and
 * chapter scenarios declare a broken or renamed stack. Every edit must change the text (a plain replacement must match
 * exactly once), so a variant can never silently equal the original. Immutable: each edit returns a new variant.
 */
public final class Step06 {

    public static final String BACKEND = "backend.yaml";
    public static final String COLLECTOR = "collector.yaml";
    public static final String APP = "app.yaml";
    public static final String INSTRUMENTATION = "instrumentation.yaml";
    private static final String DIR = "step-06/";

    /** The Jaeger env entry new variables are inserted before. */
    private static final String JAEGER_ENV_ANCHOR = "            - name: METRICS_STORAGE_TYPE\n";
    private static final String JAEGER_ARGS_ANCHOR = "            - --sampling.strategies-file=/etc/jaeger/sampling/sampling.json\n";

    private final Map<String, String> files;

    private Step06(Map<String, String> files) {
        this.files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The project's step-06 files, in the order of {@code tutorial.yaml}. */
    public static Step06 bundled() {
        Map<String, String> files = new LinkedHashMap<>();
        for (StepPlan.Step step : StepPlan.bundled().localSteps()) {
            String name = step.file().substring(step.file().lastIndexOf('/') + 1);
            files.put(name, resource(StepPlan.BUNDLE_ROOT + step.file()));
        }
        return new Step06(files);
    }

    /** A classpath resource as text (e.g. a fixture under {@code lint/}). */
    public static String resource(String path) {
        try (InputStream in = Step06.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> fileNames() {
        return List.copyOf(files.keySet());
    }

    public String text(String file) {
        String text = files.get(file);
        if (text == null) {
            throw new IllegalArgumentException("no file " + file + " in " + files.keySet());
        }
        return text;
    }

    /** Replaces the one occurrence of {@code from}; fails if there is none or more than one. */
    public Step06 replace(String file, String from, String to) {
        String text = text(file);
        int first = text.indexOf(from);
        if (first < 0) {
            throw new IllegalArgumentException(file + " does not contain: " + from);
        }
        if (text.indexOf(from, first + 1) >= 0) {
            throw new IllegalArgumentException(file + " contains more than once: " + from);
        }
        return with(file, text.substring(0, first) + to + text.substring(first + from.length()));
    }

    /** Replaces every match of a multi-line regex; fails if nothing matches. */
    public Step06 replaceRegex(String file, String regex, String replacement) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text(file));
        if (!m.find()) {
            throw new IllegalArgumentException(file + " has no match for " + regex);
        }
        return with(file, m.replaceAll(replacement));
    }

    /** Any edit that must change the text. */
    public Step06 edit(String file, UnaryOperator<String> edit) {
        String before = text(file);
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit did not change " + file);
        }
        return with(file, after);
    }

    /** Adds a file, or replaces one whole. */
    public Step06 with(String file, String text) {
        Map<String, String> copy = new LinkedHashMap<>(files);
        copy.put(file, text);
        return new Step06(copy);
    }

    public Step06 only(String... names) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (String name : names) {
            copy.put(name, text(name));
        }
        return new Step06(copy);
    }

    public Step06 without(String name) {
        text(name);
        Map<String, String> copy = new LinkedHashMap<>(files);
        copy.remove(name);
        return new Step06(copy);
    }

    // ---- domain edits (plain replacements in the bundled texts) ----

    public Step06 collectorImageTag(String tag) {
        return replace(COLLECTOR, "opentelemetry-collector-contrib:0.94.0", "opentelemetry-collector-contrib:" + tag);
    }

    /** The spanmetrics connector's settings, as a YAML flow mapping such as {@code {namespace: ""}}. */
    public Step06 connectorSettings(String flowMapping) {
        return replace(COLLECTOR, "    connectors:\n      spanmetrics:\n", "    connectors:\n      spanmetrics: " + flowMapping + "\n");
    }

    public Step06 prometheusImageTag(String tag) {
        return replace(BACKEND, "quay.io/prometheus/prometheus:v2.47.2", "quay.io/prometheus/prometheus:" + tag);
    }

    /** Replaces Prometheus' {@code --enable-feature=otlp-write-receiver} argument (null removes it). */
    public Step06 prometheusOtlpFlag(String flag) {
        return replace(BACKEND, "            - --enable-feature=otlp-write-receiver\n",
                flag == null ? "" : "            - " + flag + "\n");
    }

    public Step06 jaegerImageTag(String tag) {
        return replace(BACKEND, "jaegertracing/all-in-one:1.54.0", "jaegertracing/all-in-one:" + tag);
    }

    /** Sets (adds or changes) a literal env var of the Jaeger container. */
    public Step06 jaegerEnv(String name, String value) {
        String quoted = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        Pattern existing = Pattern.compile("^( +)- name: " + Pattern.quote(name) + "\n\\1  value: .*\n", Pattern.MULTILINE);
        if (existing.matcher(text(BACKEND)).find()) {
            return replaceRegex(BACKEND, existing.pattern(), "$1- name: " + name + "\n$1  value: " + Matcher.quoteReplacement(quoted) + "\n");
        }
        return replace(BACKEND, JAEGER_ENV_ANCHOR, "            - name: " + name + "\n              value: " + quoted + "\n" + JAEGER_ENV_ANCHOR);
    }

    /** Removes a literal env var of the Jaeger container. */
    public Step06 withoutJaegerEnv(String name) {
        return replaceRegex(BACKEND, "^( +)- name: " + Pattern.quote(name) + "\n\\1  value: .*\n", "");
    }

    /** Appends command-line arguments to the Jaeger container. */
    public Step06 jaegerArgs(String... args) {
        StringBuilder lines = new StringBuilder(JAEGER_ARGS_ANCHOR);
        for (String a : args) {
            lines.append("            - \"").append(a).append("\"\n");
        }
        return replace(BACKEND, JAEGER_ARGS_ANCHOR, lines.toString());
    }

    // ---- what tests look at ----

    public Manifests manifests() {
        ManifestLoader loader = new ManifestLoader();
        List<SourcedResource> all = new ArrayList<>();
        files.forEach((name, text) -> all.addAll(loader.parse(DIR + name, text)));
        return new Manifests(all);
    }

    public StackModel model() {
        return StackModel.from(manifests());
    }

    public LintResult lint() {
        return Linter.standard().lint(model());
    }

    /** Writes the files into {@code dir} and returns it. */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : files.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
