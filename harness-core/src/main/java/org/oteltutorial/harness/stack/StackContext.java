package org.oteltutorial.harness.stack;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a stack gets from the run.
 *
 * @param reportDir the run's report directory; stacks put logs and the failure bundle below it
 * @param progress console progress lines
 * @param keepOnFailure keep processes, containers or cluster objects when a check failed
 * @param keep keep the stack running whatever the verdict ({@code --keep}); stacks that support it say how to reach it
 *     and how to stop it ({@code ./harness down REPORT_DIR})
 */
public record StackContext(Path reportDir, Consumer<String> progress, boolean keepOnFailure, boolean keep) {

    public StackContext(Path reportDir, Consumer<String> progress, boolean keepOnFailure) {
        this(reportDir, progress, keepOnFailure, false);
    }
}
