package org.oteltutorial.harness.cli;

import org.oteltutorial.harness.tutorial.StepPlan;

/** How reports name the source a command validated. */
final class Sources {

    private Sources() {
    }

    static String bundled() {
        StepPlan.TutorialRef ref = StepPlan.bundled().tutorial();
        return "the bundled rendering of " + ref.repository() + " at commit " + ref.commit().substring(0, 12) + " (step 06)";
    }
}
