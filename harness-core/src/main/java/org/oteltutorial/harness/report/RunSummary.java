package org.oteltutorial.harness.report;

import java.util.List;
import java.util.Locale;

/**
 * {@code summary.json}: the contract in design.md ({@code verdict}, {@code stack}, {@code source}, {@code skipped},
 * {@code checks}, {@code phases}), plus the stack's notes and the run id.
 *
 * @param source what the run validated (the bundled rendering, a directory, or the tutorial at a commit)
 * @param skipped the checks that had nothing to compare or could not be judged; a skip is never a pass
 */
public record RunSummary(String verdict, String stack, String runId, String source, int skipped, List<CheckResult> checks,
        List<Phase> phases,
        List<String> notes) {

    public static final String PASS = "pass";
    public static final String FAIL = "fail";

    public RunSummary {
        checks = List.copyOf(checks);
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
    }

    /** A run passes when no check failed and at least one passed; {@code strict} fails it on any skip too. */
    public static RunSummary of(String stack, String runId, String source, List<CheckResult> checks, List<Phase> phases,
            List<String> notes, boolean strict) {
        int skipped = (int) checks.stream().filter(c -> c.status() == CheckStatus.SKIP).count();
        boolean failed = checks.stream().anyMatch(CheckResult::failed) || checks.stream().noneMatch(c -> c.status() == CheckStatus.PASS)
                || strict && skipped > 0;
        return new RunSummary(failed ? FAIL : PASS, stack, runId, source, skipped, checks, phases, notes);
    }

    public boolean passed() {
        return PASS.equals(verdict);
    }

    public long failed() {
        return checks.stream().filter(CheckResult::failed).count();
    }

    /** "PASS", "PASS, 2 skipped", "FAIL, 1 skipped": the verdict as the console's last line and the report's title show it. */
    public String headline() {
        return verdict.toUpperCase(Locale.ROOT) + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
}
