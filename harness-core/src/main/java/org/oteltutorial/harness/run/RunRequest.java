package org.oteltutorial.harness.run;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.tutorial.Manifests;

/**
 * One run: which manifests, on which stack, with which traffic, reporting where.
 *
 * @param source what the manifests are (the bundled rendering, a directory, a tutorial commit), and what reading them found
 * @param lint run the static lint first and stop on errors
 * @param console progress lines as phases start and end
 * @param keep leave the stack running whatever the verdict ({@code --keep})
 * @param strict a skipped check fails the run
 */
public record RunRequest(Manifests manifests, RunSource source, StackProvider provider, Path reportDir, boolean lint, boolean keepOnFailure,
        TrafficPlan plan, Consumer<String> console, boolean keep, boolean strict) {

    public RunRequest(Manifests manifests, RunSource source, StackProvider provider, Path reportDir, boolean lint, boolean keepOnFailure,
            TrafficPlan plan, Consumer<String> console) {
        this(manifests, source, provider, reportDir, lint, keepOnFailure, plan, console, false, false);
    }
}
