package org.oteltutorial.harness.lint;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oteltutorial.harness.naming.StackNames;
import org.oteltutorial.harness.tutorial.PrometheusModel;
import org.oteltutorial.harness.tutorial.Version;

/**
 * Prometheus 3's {@code otlp.translation_strategy} keeps the OTLP names Jaeger can query: the strategies without
 * underscore escaping store {@code service.name}, {@code span.name} and dotted metric names, and every Jaeger SPM query
 * selects {@code service_name}.
 */
final class PrometheusTranslationRule implements Rule {

    private static final Set<String> KEEP_DOTS = Set.of("NoUTF8EscapingWithSuffixes", "NoTranslation");
    private static final Set<String> KNOWN = Set.of("UnderscoreEscapingWithSuffixes", "UnderscoreEscapingWithoutSuffixes",
            "NoUTF8EscapingWithSuffixes", "NoTranslation");

    @Override
    public String id() {
        return "prometheus-translation";
    }

    @Override
    public String description() {
        return "Prometheus 3's otlp.translation_strategy escapes names and labels the way Jaeger queries them";
    }

    @Override
    public List<Finding> check(LintContext context) {
        Optional<PrometheusModel> maybe = context.model().prometheus();
        if (maybe.isEmpty() || maybe.get().version().map(v -> v.below(Version.of("3.0.0"))).orElse(true)) {
            return List.of();
        }
        PrometheusModel prometheus = maybe.get();
        return StackNames.translationStrategy(prometheus).map(strategy -> {
            String where = prometheus.config().map(c -> c.origin()).orElse("prometheus.yml") + ": otlp.translation_strategy "
                    + strategy;
            if (!KNOWN.contains(strategy)) {
                return List.of(Finding.error(id(), prometheus.source(), where + " is not a strategy Prometheus "
                        + prometheus.version().get() + " knows, so it refuses its config; use UnderscoreEscapingWithSuffixes"));
            }
            if (KEEP_DOTS.contains(strategy)) {
                return List.of(Finding.error(id(), prometheus.source(), where + " keeps dots in names and labels (service.name,"
                        + " span.name, traces.span.metrics.calls), while Jaeger's SPM queries select service_name on"
                        + " underscore names, so the Monitor tab stays empty; use UnderscoreEscapingWithSuffixes (the default)"));
            }
            return List.<Finding>of();
        }).orElse(List.of());
    }
}
