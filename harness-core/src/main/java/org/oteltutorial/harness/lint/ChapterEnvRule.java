package org.oteltutorial.harness.lint;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oteltutorial.harness.reader.FencedBlock;
import org.oteltutorial.harness.tutorial.ComponentImages;
import org.oteltutorial.harness.tutorial.ImageRef;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Workload;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An env block in a chapter's text ({@code - name: … value: …}, e.g. Jaeger's SPM settings in 06) is what a file of
 * the repository sets for that container: same names, same values. Names the file, and says when no chapter applies it.
 */
final class ChapterEnvRule implements PathRule {

    private final YAMLMapper yaml = YAMLMapper.builder().build();

    @Override
    public String id() {
        return "chapter-env";
    }

    @Override
    public String description() {
        return "an env block in a chapter's text equals the env a file of the repository sets";
    }

    @Override
    public List<Finding> check(PathContext context) {
        List<Finding> findings = new ArrayList<>();
        for (String chapter : context.path().chapters()) {
            for (FencedBlock block : FencedBlock.of(chapter, context.path().chapterText(chapter))) {
                if (block.tag().equals("yaml")) {
                    envOf(block).ifPresent(env -> compare(context, block, env).ifPresent(findings::add));
                }
            }
        }
        return findings;
    }

    private Optional<Finding> compare(PathContext context, FencedBlock block, Map<String, String> text) {
        Candidate best = null;
        for (String path : context.files().containing(text.keySet().iterator().next())) {
            for (Workload w : context.files().model(path).map(StackModel::workloads).orElse(List.of())) {
                for (Container c : w.containers()) {
                    Candidate candidate = new Candidate(w, c, env(c), text);
                    if (candidate.shared() > 0 && (best == null || candidate.better(best))) {
                        best = candidate;
                    }
                }
            }
        }
        if (best == null) {
            return Optional.of(PathContext.at(Severity.WARNING, id(), block.location(), "env block", block.location() + " shows env "
                    + text.keySet() + " that no file of the repository sets for any container. Fix: put it in the file the chapter"
                    + " applies, or remove it from the text"));
        }
        String file = best.workload.source().location();
        String applied = context.path().files().containsKey(best.workload.source().origin()) ? ""
                : "; no chapter up to " + context.path().lastChapter() + " applies " + best.workload.source().origin() + " (spm-not-applied)";
        List<String> differences = best.differences();
        if (differences.isEmpty()) {
            context.notes().accept(block.location() + ": the env block equals the env " + file + " sets for container "
                    + best.container.getName() + " of " + best.workload.describe() + applied);
            return Optional.empty();
        }
        return Optional.of(PathContext.at(Severity.WARNING, id(), block.location(), best.workload.describe(), block.location()
                + " shows an env block that differs from what " + file + " sets for container " + best.container.getName() + " of "
                + best.workload.describe() + ": " + String.join("; ", differences) + applied + ". The cluster gets the file's values:"
                + " make the text and the file agree"));
    }

    /** The block as env, when it is a list of {@code name}/{@code value} entries. */
    private Optional<Map<String, String>> envOf(FencedBlock block) {
        try {
            JsonNode node = yaml.readTree(String.join("\n", block.lines()));
            if (node == null || !node.isArray() || node.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode e : node) {
                if (!e.isObject() || !e.has("name") || !e.has("value")) {
                    return Optional.empty();
                }
                env.put(e.get("name").asString(), e.get("value").asString());
            }
            return Optional.of(env);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> env(Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        if (c.getEnv() != null) {
            for (EnvVar e : c.getEnv()) {
                env.put(e.getName(), e.getValueFrom() != null ? "(from " + e.getValueFrom() + ")" : e.getValue() == null ? "" : e.getValue());
            }
        }
        return env;
    }

    /** A container whose env shares names with the block; Jaeger first, then the most names in common. */
    private record Candidate(Workload workload, Container container, Map<String, String> env, Map<String, String> text) {

        long shared() {
            return text.keySet().stream().filter(env::containsKey).count();
        }

        boolean jaeger() {
            return container.getImage() != null && ComponentImages.isJaeger(ImageRef.parse(container.getImage()));
        }

        long agreeing() {
            return text.entrySet().stream().filter(e -> e.getValue().equals(env.get(e.getKey()))).count();
        }

        boolean better(Candidate other) {
            if (shared() != other.shared()) {
                return shared() > other.shared();
            }
            if (agreeing() != other.agreeing()) {
                return agreeing() > other.agreeing();
            }
            return jaeger() && !other.jaeger();
        }

        List<String> differences() {
            List<String> out = new ArrayList<>();
            text.forEach((name, value) -> {
                if (!env.containsKey(name)) {
                    out.add(name + " is not set there");
                } else if (!env.get(name).equals(value)) {
                    out.add(name + " is '" + value + "' in the text but '" + env.get(name) + "' in the file");
                }
            });
            return out;
        }
    }
}
