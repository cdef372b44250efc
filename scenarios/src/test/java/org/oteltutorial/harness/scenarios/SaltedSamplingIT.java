package org.oteltutorial.harness.scenarios;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oteltutorial.harness.junit.ChapterStack;
import org.oteltutorial.harness.junit.RedAssertions;
import org.oteltutorial.harness.tutorial.Step06;
import org.oteltutorial.harness.verify.SentTraffic;

/** A probabilistic policy with its own hash_salt keeps other traces; the harness predicts which, trace by trace. */
class SaltedSamplingIT {

    @RegisterExtension
    static final ChapterStack STACK = ChapterStack.of(Step06.bundled().replace(Step06.COLLECTOR,
            "probabilistic: {sampling_percentage: 10}", "probabilistic: {sampling_percentage: 10, hash_salt: tutorial-salt}"));

    @Test
    void jaegerKeepsExactlyTheTracesTheSaltedHashSelects(SentTraffic sent, RedAssertions red) {
        red.assertThatRed(sent).isSampledExactlyInJaeger();
    }
}
