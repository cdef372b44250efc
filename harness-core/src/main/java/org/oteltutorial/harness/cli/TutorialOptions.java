package org.oteltutorial.harness.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --tutorial DIR|URL} and {@code --chapter}: the tutorial as a reader follows it is the input. */
final class TutorialOptions {

    @Option(names = "--tutorial", paramLabel = "DIR|URL",
            description = "A checkout of the tutorial repository (its working tree as found), or https://github.com/OWNER/REPO@REF"
                    + " (downloaded and cached). The state a reader reaches by following the chapters is what is validated.")
    String tutorial;

    @Option(names = "--chapter", paramLabel = "CHAPTER",
            description = "The last chapter the reader follows, e.g. 06-RED-metrics.md or 06 (default: the RED chapter of tutorial.yaml).")
    String chapter;

    boolean given() {
        return tutorial != null;
    }

    /** The reader's path and its findings, when {@code --tutorial} was given. */
    Optional<TutorialInput> read() {
        if (tutorial == null) {
            if (chapter != null) {
                throw new BadInputException("--chapter needs --tutorial DIR");
            }
            return Optional.empty();
        }
        return Optional.of(TutorialInput.read(tutorial, chapter));
    }
}
