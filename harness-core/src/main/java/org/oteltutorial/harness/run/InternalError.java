package org.oteltutorial.harness.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.oteltutorial.harness.report.CheckResult;

/**
 * A harness bug met while verifying (not a failed query, which the checks report as such): a failed check named
 * "internal error", one line on the console, and the stack trace in {@code harness-error.log} of the report.
 */
final class InternalError {

    static final String LOG = "harness-error.log";

    private InternalError() {
    }

    static CheckResult record(RuntimeException e, Path reportDir, Consumer<String> console) {
        Path log = reportDir.resolve(LOG);
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String where;
        try {
            Files.createDirectories(reportDir);
            Files.writeString(log, trace.toString());
            where = "stack trace in " + log;
        } catch (IOException io) {
            where = "the stack trace could not be written to " + log + ": " + io.getMessage();
        }
        console.accept("  internal error: " + e + " (" + where + ")");
        return CheckResult.fail("internal error", "the checks run to a verdict", e.getClass().getSimpleName(),
                "a harness bug stopped the verification: " + e + "; " + where);
    }
}
