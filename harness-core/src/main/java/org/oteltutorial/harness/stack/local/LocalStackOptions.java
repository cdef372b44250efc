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
 */
public record LocalStackOptions(Path workDir, Duration readyTimeout, LocalBinaries binaries, Consumer<String> progress) {

    public static LocalStackOptions in(Path workDir, Consumer<String> progress) {
        return new LocalStackOptions(workDir, Duration.ofSeconds(60), LocalBinaries.standard(progress, s -> { }), progress);
    }

    public LocalStackOptions withReadyTimeout(Duration timeout) {
        return new LocalStackOptions(workDir, timeout, binaries, progress);
    }

    public LocalStackOptions withBinaries(LocalBinaries other) {
        return new LocalStackOptions(workDir, readyTimeout, other, progress);
    }
}
