package org.oteltutorial.harness.stack;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a stack gets from the run.
 *
 * @param reportDir the run's report directory; stacks put logs and the failure bundle below it
 * @param progress console progress lines
 * @param keepOnFailure keep processes, containers or cluster objects when a check failed
 */
public record StackContext(Path reportDir, Consumer<String> progress, boolean keepOnFailure) {
}
