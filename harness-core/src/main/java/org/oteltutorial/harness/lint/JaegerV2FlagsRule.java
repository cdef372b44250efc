package org.oteltutorial.harness.lint;

import java.util.List;
import java.util.Set;
import org.oteltutorial.harness.tutorial.JaegerModel;

/**
 * Jaeger v2 takes only the collector's flags ({@code --config}, {@code --set}, {@code --feature-gates}); a v1 flag such
 * as {@code --sampling.strategies-file} makes it exit at start.
 */
final class JaegerV2FlagsRule implements Rule {

    private static final Set<String> V2_FLAGS = Set.of("config", "set", "feature-gates");

    @Override
    public String id() {
        return "jaeger-v2-flags";
    }

    @Override
    public String description() {
        return "Jaeger v2 is given only flags it knows (--config, --set, --feature-gates)";
    }

    @Override
    public List<Finding> check(LintContext context) {
        return context.model().jaegers().stream().filter(JaegerModel::isV2)
                .flatMap(j -> j.args().all().stream().filter(a -> a.startsWith("-"))
                        .map(a -> a.replaceFirst("^--?", "").replaceFirst("=.*$", ""))
                        .filter(flag -> !V2_FLAGS.contains(flag) && !flag.isEmpty()).distinct()
                        .map(flag -> Finding.error(id(), j.source(), "Jaeger " + j.version().map(Object::toString).orElse("v2")
                                + " does not know the v1 flag --" + flag + " and exits at start ('unknown flag'); remove it and"
                                + " put the setting in its YAML config (--config)" + (flag.equals("sampling.strategies-file")
                                        ? ": remote sampling is the remote_sampling extension's file.path" : ""))))
                .toList();
    }
}
