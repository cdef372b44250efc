package org.oteltutorial.harness.stack.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How to run the local stack.
 *
 * @param workDir where rendered configs, data and one log file per process go (inside the report directory)
 * @param readyTimeout how long each process may take to become ready
 * @param progress where progress lines go (the console)
 * @param keepOnFailure leave the processes running when a check failed
 */
public record LocalStackOptions(Path workDir, Duration readyTimeout, LocalBinaries binaries, Consumer<String> progress,
        boolean keepOnFailure) {

    public static LocalStackOptions in(Path workDir, Consumer<String> progress) {
        return new LocalStackOptions(workDir, Duration.ofSeconds(60), LocalBinaries.standard(progress, s -> { }), progress, false);
    }

    public LocalStackOptions withReadyTimeout(Duration timeout) {
        return new LocalStackOptions(workDir, timeout, binaries, progress, keepOnFailure);
    }

    public LocalStackOptions withBinaries(LocalBinaries other) {
        return new LocalStackOptions(workDir, readyTimeout, other, progress, keepOnFailure);
    }

    /** Leave the processes running after a failed check, for inspection; the console says how to stop them. */
    public LocalStackOptions withKeepOnFailure(boolean keep) {
        return new LocalStackOptions(workDir, readyTimeout, binaries, progress, keep);
    }
}
