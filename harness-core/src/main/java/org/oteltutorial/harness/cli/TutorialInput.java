package org.oteltutorial.harness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The tutorial as a reader follows it, read once: the state the chapters reach and what reading found. The CLI's
 * {@code --tutorial}/{@code --chapter} and the JUnit {@code ChapterStack.ofTutorial} both come here.
 *
 * @param notes what agreed (chapter text and files), as notes
 */
public record TutorialInput(ReaderPath path, Manifests state, StackModel model, List<Finding> findings, List<String> notes) {

    /**
     * @param tutorial a checkout directory or {@code https://github.com/OWNER/REPO@REF}
     * @param chapter the last chapter the reader follows, or null for the RED chapter of {@code tutorial.yaml}
     */
    public static TutorialInput read(String tutorial, String chapter) {
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
        return new TutorialInput(path, state, model, findings, notes);
    }

    public String describe() {
        return path.checkout().describe() + ", the reader's path up to " + path.lastChapter();
    }

    /** The steps, each with its {@code chapter.md:line}. */
    public List<String> steps() {
        return path.steps().stream().map(ReaderStep::describe).toList();
    }

    public RunSource source() {
        List<String> all = new ArrayList<>();
        steps().forEach(s -> all.add("step " + s));
        all.addAll(notes);
        return new RunSource(describe(), findings, all);
    }
}
