package org.oteltutorial.harness.lint;

import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.StackModel;

/** What the rules look at: the stack model and its topology. */
public record LintContext(StackModel model, Topology topology) {

    public static LintContext of(StackModel model) {
        return new LintContext(model, Topology.of(model));
    }
}
