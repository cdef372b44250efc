package org.oteltutorial.harness.lint;

import java.util.List;
import java.util.function.Consumer;
import org.oteltutorial.harness.reader.CheckoutFiles;
import org.oteltutorial.harness.reader.ReaderPath;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;

/**
 * What the reader's-path rules look at: the path, the model of the state it reached, the checkout's files, the step
 * plan (its release overlays), and where to say what agreed (a note, not a finding).
 */
public record PathContext(ReaderPath path, StackModel model, Topology topology, CheckoutFiles files, StepPlan plan,
        Consumer<String> notes) {

    public static PathContext of(ReaderPath path, StackModel model, StepPlan plan, Consumer<String> notes) {
        return new PathContext(path, model, Topology.of(model), new CheckoutFiles(path.checkout().dir()), plan, notes);
    }

    /** Whether the state's collector carries the chapter's spanmetrics connector. */
    public boolean hasSpanmetrics() {
        return model.collectors().stream().anyMatch(c -> !c.config().connectorsOfType("spanmetrics").isEmpty());
    }

    /** A finding located at a chapter line; {@code subject} names the file or object it is about. */
    static Finding at(Severity severity, String rule, String location, String subject, String message) {
        return new Finding(severity, rule, location, subject, message);
    }

    static String lines(List<org.oteltutorial.harness.reader.ChapterLine> lines) {
        return String.join(", ", lines.stream().map(org.oteltutorial.harness.reader.ChapterLine::location).toList());
    }
}
