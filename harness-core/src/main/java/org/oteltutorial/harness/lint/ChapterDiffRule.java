package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oteltutorial.harness.reader.ChapterLine;
import org.oteltutorial.harness.reader.FencedBlock;
import org.oteltutorial.harness.tutorial.ManifestException;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.ManifestLoader.Document;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A unified diff in a chapter's text ({@code @@} hunks), applied to the file it was written against (found by its
 * context and removed lines), gives exactly the collector config of the file the same chapter applies; and that base
 * is the config the reader last applied to the collector (else the reader sees a larger change than the text shows).
 */
final class ChapterDiffRule implements PathRule {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+\\d+(?:,\\d+)? @@.*$");
    private static final String COLLECTOR = "OpenTelemetryCollector";

    private final ManifestLoader loader = new ManifestLoader();
    private final YAMLMapper yaml = YAMLMapper.builder().build();
    /** Each file's collector config, parsed once per rule (the rule looks at the applied files several times). */
    private final Map<String, Optional<JsonNode>> configs = new java.util.HashMap<>();

    @Override
    public String id() {
        return "chapter-diff";
    }

    @Override
    public String description() {
        return "a diff in a chapter's text, applied to its base file, gives the file the chapter applies";
    }

    @Override
    public List<Finding> check(PathContext context) {
        List<Finding> findings = new ArrayList<>();
        for (String chapter : context.path().chapters()) {
            for (FencedBlock block : FencedBlock.of(chapter, context.path().chapterText(chapter))) {
                if (block.tag().equals("diff") && !block.lines().isEmpty() && HUNK.matcher(block.lines().get(0)).matches()) {
                    findings.addAll(check(context, block));
                }
            }
        }
        return findings;
    }

    private List<Finding> check(PathContext context, FencedBlock block) {
        List<Hunk> hunks = hunks(block);
        Optional<String> base = context.files().paths().stream().filter(p -> patch(context.files().lines(p), hunks).isPresent())
                .min((a, b) -> Boolean.compare(!startsAt(context, a, hunks.get(0)), !startsAt(context, b, hunks.get(0))));
        if (base.isEmpty()) {
            return List.of(PathContext.at(Severity.WARNING, id(), block.location(), "diff", block.location() + ": the diff's context and"
                    + " removed lines match no file of the repository, so the change it shows cannot be checked. Fix: write it"
                    + " against the file the reader last applied"));
        }
        List<String> patched = patch(context.files().lines(base.get()), hunks).orElseThrow();
        Optional<JsonNode> result = collectorConfig(base.get(), patched);
        List<Finding> findings = new ArrayList<>();
        Optional<Map.Entry<String, List<ChapterLine>>> target = context.path().files().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(l -> l.chapter().equals(block.chapter())))
                .filter(e -> collectorConfig(e.getKey(), context.files().lines(e.getKey())).isPresent()).findFirst();
        if (target.isEmpty() || result.isEmpty()) {
            return findings;
        }
        String applied = target.get().getKey();
        JsonNode expected = collectorConfig(applied, context.files().lines(applied)).orElseThrow();
        String where = block.location() + ": the diff applied to " + base.get() + ":" + hunks.get(0).oldStart();
        if (result.get().equals(expected)) {
            context.notes().accept(where + " gives exactly the collector config of " + applied + ", which "
                    + target.get().getValue().get(0).location() + " applies");
        } else {
            findings.add(PathContext.at(Severity.WARNING, id(), block.location(), applied, where + " does not give the collector config of "
                    + applied + " (applied at " + target.get().getValue().get(0).location() + "): " + difference("", result.get(), expected)
                    + ". Fix: make the diff show the change the file makes"));
        }
        lastAppliedBefore(context, block.chapter(), applied).filter(last -> !last.getKey().equals(base.get())).ifPresent(last ->
                findings.add(PathContext.at(Severity.WARNING, id(), block.location(), applied, block.location() + ": the diff is written"
                        + " against " + base.get() + ", but the collector the reader last applied is " + last.getKey() + " (at "
                        + last.getValue().location() + "), so applying " + applied + " changes more than the diff shows. Fix: write the"
                        + " diff against " + last.getKey() + ", or say which file it starts from")));
        return findings;
    }

    private boolean startsAt(PathContext context, String path, Hunk first) {
        List<String> lines = context.files().lines(path);
        return first.oldStart() - 1 < lines.size() && first.oldStart() >= 1
                && matchesAt(lines, first.before(), first.oldStart() - 1);
    }

    /** The own file that last applied a collector before {@code chapter}, and where. */
    private Optional<Map.Entry<String, ChapterLine>> lastAppliedBefore(PathContext context, String chapter, String applied) {
        Map.Entry<String, ChapterLine> last = null;
        for (Map.Entry<String, List<ChapterLine>> e : context.path().files().entrySet()) {
            if (collectorConfig(e.getKey(), context.files().lines(e.getKey())).isEmpty()) {
                continue;
            }
            for (ChapterLine l : e.getValue()) {
                if (l.chapter().compareTo(chapter) < 0 && (last == null || later(l, last.getValue()))) {
                    last = Map.entry(e.getKey(), l);
                }
            }
        }
        return Optional.ofNullable(last);
    }

    private static boolean later(ChapterLine a, ChapterLine b) {
        int chapter = a.chapter().compareTo(b.chapter());
        return chapter > 0 || chapter == 0 && a.line() > b.line();
    }

    private Optional<JsonNode> collectorConfig(String origin, List<String> lines) {
        return configs.computeIfAbsent(origin + "\n" + lines.hashCode(), k -> parseCollectorConfig(origin, lines));
    }

    private Optional<JsonNode> parseCollectorConfig(String origin, List<String> lines) {
        try {
            for (Document d : loader.documents(origin, String.join("\n", lines))) {
                if (COLLECTOR.equals(d.node().path("kind").asString(""))) {
                    JsonNode config = d.node().path("spec").path("config");
                    return Optional.ofNullable(config.isString() ? yaml.readTree(config.asString()) : config);
                }
            }
        } catch (ManifestException | JacksonException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String difference(String path, JsonNode actual, JsonNode expected) {
        if (actual.isObject() && expected.isObject()) {
            for (var e : expected.properties()) {
                if (!actual.has(e.getKey())) {
                    return path + e.getKey() + " is missing";
                }
                if (!actual.get(e.getKey()).equals(e.getValue())) {
                    return difference(path + e.getKey() + ".", actual.get(e.getKey()), e.getValue());
                }
            }
            for (var e : actual.properties()) {
                if (!expected.has(e.getKey())) {
                    return path + e.getKey() + " is extra";
                }
            }
        }
        return (path.isEmpty() ? "the config" : path.substring(0, path.length() - 1)) + " is " + actual + " instead of " + expected;
    }

    /** One hunk: the old start line, the lines before (context and removed) and after (context and added). */
    private record Hunk(int oldStart, List<String> before, List<String> after) {
    }

    private static List<Hunk> hunks(FencedBlock block) {
        List<Hunk> hunks = new ArrayList<>();
        int start = 0;
        List<String> before = null;
        List<String> after = null;
        for (String line : block.lines()) {
            Matcher m = HUNK.matcher(line);
            if (m.matches()) {
                if (before != null) {
                    hunks.add(new Hunk(start, before, after));
                }
                start = Integer.parseInt(m.group(1));
                before = new ArrayList<>();
                after = new ArrayList<>();
                continue;
            }
            String body = line.isEmpty() ? "" : line.substring(1);
            char op = line.isEmpty() ? ' ' : line.charAt(0);
            if (op != '+') {
                before.add(body.stripTrailing());
            }
            if (op != '-') {
                after.add(body.stripTrailing());
            }
        }
        if (before != null) {
            hunks.add(new Hunk(start, before, after));
        }
        return hunks;
    }

    /** The file with every hunk applied in order, each found at or after the previous one; empty when one does not match. */
    private static Optional<List<String>> patch(List<String> file, List<Hunk> hunks) {
        List<String> lines = new ArrayList<>(file.stream().map(String::stripTrailing).toList());
        int from = 0;
        for (Hunk h : hunks) {
            int at = -1;
            for (int i = from; i + h.before().size() <= lines.size(); i++) {
                if (matchesAt(lines, h.before(), i)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return Optional.empty();
            }
            lines.subList(at, at + h.before().size()).clear();
            lines.addAll(at, h.after());
            from = at + h.after().size();
        }
        return Optional.of(lines);
    }

    private static boolean matchesAt(List<String> lines, List<String> expected, int at) {
        for (int i = 0; i < expected.size(); i++) {
            if (at + i >= lines.size() || !lines.get(at + i).stripTrailing().equals(expected.get(i))) {
                return false;
            }
        }
        return true;
    }
}
