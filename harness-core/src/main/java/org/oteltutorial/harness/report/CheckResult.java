package org.oteltutorial.harness.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One check of a run: what was expected, what was observed, and a message that says what it means.
 *
 * @param seconds how long the check waited until it passed or gave up (time-to-green), null when it did not wait
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(String name, CheckStatus status, String expected, String observed, String message, Double seconds) {

    /** Texts are never null (a message often comes from an exception's getMessage()): summary.json always has them. */
    public CheckResult {
        name = name == null ? "" : name;
        expected = expected == null ? "" : expected;
        observed = observed == null ? "" : observed;
        message = message == null ? "" : message;
    }

    public static CheckResult pass(String name, String expected, String observed, String message) {
        return new CheckResult(name, CheckStatus.PASS, expected, observed, message, null);
    }

    public static CheckResult fail(String name, String expected, String observed, String message) {
        return new CheckResult(name, CheckStatus.FAIL, expected, observed, message, null);
    }

    public static CheckResult skip(String name, String message) {
        return new CheckResult(name, CheckStatus.SKIP, "", "", message, null);
    }

    public CheckResult withSeconds(double waited) {
        return new CheckResult(name, status, expected, observed, message, Math.round(waited * 10) / 10.0);
    }

    public boolean failed() {
        return status == CheckStatus.FAIL;
    }
}
