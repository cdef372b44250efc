package org.oteltutorial.harness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.images.BinaryCache;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.lint.PathContext;
import org.oteltutorial.harness.lint.PathLinter;
import org.oteltutorial.harness.reader.ReaderPath;
import org.oteltutorial.harness.reader.ReaderStep;
import org.oteltutorial.harness.run.RunSource;
import org.oteltutorial.harness.stack.cluster.OkHttpDownloader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.TutorialCheckout;
import org.oteltutorial.harness.tutorial.TutorialDownload;
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
        StepPlan plan = StepPlan.bundled();
        StepPlan.TutorialRef pinned = plan.tutorial();
        TutorialCheckout checkout = TutorialDownload.isUrl(tutorial)
                ? new TutorialDownload(BinaryCache.fromEnvironment().root(), new OkHttpDownloader()).fetch(tutorial)
                : TutorialCheckout.open(Path.of(tutorial), pinned.repository());
        ReaderPath path = ReaderPath.follow(checkout, chapter == null ? pinned.chapter() : chapter);
        Manifests state = path.manifests();
        if (state.isEmpty()) {
            throw new BadInputException("the chapters up to " + path.lastChapter() + " apply no file of " + checkout.dir());
        }
        StackModel model = StackModel.from(state);
        List<String> notes = new ArrayList<>();
        List<Finding> findings = PathLinter.standard().lint(PathContext.of(path, model, plan, notes::add));
        return Optional.of(new TutorialInput(path, state, model, findings, notes));
    }

    /**
     * @param notes what agreed (chapter text and files), as notes
     */
    record TutorialInput(ReaderPath path, Manifests state, StackModel model, List<Finding> findings, List<String> notes) {

        String describe() {
            return path.checkout().describe() + ", the reader's path up to " + path.lastChapter();
        }

        /** The steps, each with its {@code chapter.md:line}. */
        List<String> steps() {
            return path.steps().stream().map(ReaderStep::describe).toList();
        }

        RunSource source() {
            List<String> all = new ArrayList<>();
            steps().forEach(s -> all.add("step " + s));
            all.addAll(notes);
            return new RunSource(describe(), findings, all);
        }
    }
}
