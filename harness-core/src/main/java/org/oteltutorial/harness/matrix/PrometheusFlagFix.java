package org.oteltutorial.harness.matrix;

import java.util.Optional;
import org.oteltutorial.harness.naming.Program;
import org.oteltutorial.harness.naming.VersionFacts;
import org.oteltutorial.harness.tutorial.PrometheusModel;
import org.oteltutorial.harness.tutorial.StackModel;

/** Prometheus 3 with the 2.x OTLP feature flag (which it only warns about): the flag 3.x takes instead. */
final class PrometheusFlagFix implements Fix {

    private static final String OLD = "--enable-feature=otlp-write-receiver";

    @Override
    public Optional<Applied> apply(ManifestFiles files, StackModel model) {
        Optional<PrometheusModel> prometheus = model.prometheus();
        if (prometheus.isEmpty() || prometheus.get().version().isEmpty()) {
            return Optional.empty();
        }
        String expected = VersionFacts.value(Program.PROMETHEUS, VersionFacts.PROMETHEUS_OTLP_FLAG, prometheus.get().version().get());
        if (!expected.startsWith("--web.") || !prometheus.get().args().all().contains(OLD)
                || prometheus.get().args().all().contains(expected)) {
            return Optional.empty();
        }
        String file = prometheus.get().source().origin();
        String text = files.files().get(file);
        if (text == null || !text.contains(OLD)) {
            return Optional.empty();
        }
        return Optional.of(new Applied(files.with(file, text.replace(OLD, expected)), new AdviceItem(file,
                prometheus.get().source().describe() + ": replace the arg " + OLD + " with " + expected,
                "Prometheus " + prometheus.get().version().get() + " only logs a warning for the 2.x feature flag; its OTLP"
                        + " endpoint answers 404 and no RED metric is stored")));
    }
}
