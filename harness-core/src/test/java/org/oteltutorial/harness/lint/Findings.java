package org.oteltutorial.harness.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions on lint results that say what they saw. */
final class Findings {

    private Findings() {
    }

    /** Exactly one finding of {@code rule} (and no other error); returns it. */
    static Finding only(LintResult result, String rule) {
        List<Finding> ofRule = result.byRule(rule);
        assertThat(ofRule).as("findings of rule %s in %s", rule, result.findings()).hasSize(1);
        assertThat(result.errors()).as("errors of other rules").allMatch(f -> f.rule().equals(rule));
        return ofRule.get(0);
    }

    /** At least one error of {@code rule}; returns all of them. */
    static List<Finding> errors(LintResult result, String rule) {
        List<Finding> ofRule = result.errors().stream().filter(f -> f.rule().equals(rule)).toList();
        assertThat(ofRule).as("errors of rule %s in %s", rule, result.findings()).isNotEmpty();
        return ofRule;
    }

    static void assertNoErrors(LintResult result) {
        assertThat(result.errors()).as("errors").isEmpty();
        assertThat(result.passed()).isTrue();
    }

    static void assertNoFindings(LintResult result, String rule) {
        assertThat(result.byRule(rule)).as("findings of rule %s", rule).isEmpty();
    }

    /** The bundled app's three {@code :latest} images are the only warnings. */
    static void assertOnlyAppImageWarnings(LintResult result) {
        assertThat(result.warnings()).as("warnings").hasSize(3)
                .allSatisfy(f -> {
                    assertThat(f.rule()).isEqualTo("image");
                    assertThat(f.location()).startsWith("step-06/app.yaml:");
                    assertThat(f.message()).contains(":latest").contains("mutable");
                });
    }
}
