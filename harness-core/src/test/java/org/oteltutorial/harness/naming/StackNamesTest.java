package org.oteltutorial.harness.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.lint.Linter;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;

class StackNamesTest {

    /** Prometheus 3 with {@code otlp.translation_strategy: NoTranslation} in its prometheus.yml. */
    private static final Step06 NO_TRANSLATION = Step06.bundled()
            .prometheusImageTag("v3.0.0").prometheusOtlpFlag("--web.enable-otlp-receiver")
            .replace(Step06.BACKEND, "    global:\n", "    otlp:\n      translation_strategy: NoTranslation\n    global:\n");

    @Test
    void theBundledStackExpectsTheNamesJaegerQueries() {
        StackModel model = Step06.bundled().model();
        Topology topology = Topology.of(model);

        assertThat(StackNames.produced(model, topology).flatMap(NameDerivation::names)).hasValue(new MetricNames("calls_total", "duration_milliseconds"));
        assertThat(StackNames.produced(model, topology).flatMap(NameDerivation::names)).isEqualTo(StackNames.queried(model)
                .flatMap(NameDerivation::names));
    }

    @Test
    void prometheus3TranslationStrategyIsReadFromItsMountedConfig() {
        StackModel model = NO_TRANSLATION.model();

        assertThat(StackNames.produced(model, Topology.of(model))).hasValueSatisfying(d -> {
            assertThat(d.names()).hasValue(new MetricNames("calls", "duration"));
            assertThat(d.explain()).contains("Prometheus 3.0.0 OTLP receiver: translation strategy NoTranslation");
        });
        assertThat(Linter.standard().lint(model).byRule("metric-names")).hasSize(2);
    }

    @Test
    void jaegerWithoutNormalizationMatchesUntranslatedNamesButNotTheirDottedLabels() {
        StackModel model = NO_TRANSLATION.withoutJaegerEnv("PROMETHEUS_QUERY_NORMALIZE_CALLS")
                .withoutJaegerEnv("PROMETHEUS_QUERY_NORMALIZE_DURATION").model();

        assertThat(Linter.standard().lint(model).byRule("metric-names")).isEmpty();
        assertThat(Linter.standard().lint(model).errors()).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo("prometheus-translation"));
    }

    @Test
    void partialStacksHaveNoNamesForTheAbsentSide() {
        StackModel backend = Step06.bundled().only(Step06.BACKEND).model();
        StackModel collector = Step06.bundled().only(Step06.COLLECTOR).model();

        assertThat(StackNames.produced(backend, Topology.of(backend))).isEmpty();
        assertThat(StackNames.queried(backend)).isPresent();
        assertThat(StackNames.queried(collector)).isEmpty();
    }
}
