package org.oteltutorial.harness.junit;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.report.CheckStatus;

/**
 * A claim judged by its checks: it holds when none failed and one passed. A failure throws
 * {@link AssertionFailedError} with the failed checks' expected and observed values, one line each; a claim whose
 * checks all skipped throws {@link TestAbortedException} with the reasons.
 */
record ClaimVerdict(String claim, List<CheckResult> skipped) {

    static ClaimVerdict of(String claim, List<CheckResult> results) {
        List<CheckResult> failed = results.stream().filter(CheckResult::failed).toList();
        if (!failed.isEmpty()) {
            throw new AssertionFailedError(claim + ": " + failed.size() + " of " + results.size() + " checks failed: "
                    + failed.stream().map(c -> c.name() + " (" + c.message() + ")").collect(Collectors.joining("; ")),
                    lines(failed, CheckResult::expected), lines(failed, CheckResult::observed));
        }
        if (results.stream().noneMatch(c -> c.status() == CheckStatus.PASS)) {
            throw new TestAbortedException(claim + ": nothing was compared: " + (results.isEmpty() ? "no check ran"
                    : results.stream().map(c -> c.name() + " (" + c.message() + ")").collect(Collectors.joining("; "))));
        }
        return new ClaimVerdict(claim, results.stream().filter(c -> c.status() == CheckStatus.SKIP).toList());
    }

    private static String lines(List<CheckResult> checks, Function<CheckResult, String> value) {
        return checks.stream().map(c -> c.name() + ": " + value.apply(c)).collect(Collectors.joining("\n"));
    }
}
