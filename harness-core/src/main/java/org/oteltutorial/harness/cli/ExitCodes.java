package org.oteltutorial.harness.cli;

/** The CLI's exit codes (design.md). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
