package org.oteltutorial.harness.report;

import java.util.List;

/**
 * {@code summary.json}: the contract in design.md ({@code verdict}, {@code stack}, {@code checks}, {@code phases}),
 * plus the stack's notes, the run id and the source the run validated (the bundled rendering, a directory, or the
 * tutorial at a commit).
 */
public record RunSummary(String verdict, String stack, String runId, String source, List<CheckResult> checks, List<Phase> phases,
        List<String> notes) {

    public static final String PASS = "pass";
    public static final String FAIL = "fail";

    public RunSummary {
        checks = List.copyOf(checks);
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
    }

    public static RunSummary of(String stack, String runId, String source, List<CheckResult> checks, List<Phase> phases,
            List<String> notes) {
        boolean failed = checks.stream().anyMatch(CheckResult::failed) || checks.isEmpty();
        return new RunSummary(failed ? FAIL : PASS, stack, runId, source, checks, phases, notes);
    }

    public boolean passed() {
        return PASS.equals(verdict);
    }
}
