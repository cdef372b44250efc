package org.oteltutorial.harness.lint;

import java.util.List;

/** All findings of one lint, errors first. */
public record LintResult(List<Finding> findings) {

    public LintResult {
        findings = List.copyOf(findings);
    }

    /** This result plus more findings (e.g. from the collector's own validate), errors first. */
    public LintResult with(List<Finding> more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        all.sort(java.util.Comparator.comparing(Finding::severity));
        return new LintResult(all);
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
