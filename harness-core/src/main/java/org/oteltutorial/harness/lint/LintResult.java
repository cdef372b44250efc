package org.oteltutorial.harness.lint;

import java.util.List;

/** All findings of one lint, errors first. */
public record LintResult(List<Finding> findings) {

    public LintResult {
        findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    public boolean passed() {
        return errors().isEmpty();
    }

    public List<Finding> byRule(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
