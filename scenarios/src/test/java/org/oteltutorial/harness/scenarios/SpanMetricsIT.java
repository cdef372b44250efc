package org.oteltutorial.harness.scenarios;

import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.junit.ChapterScenario;
import org.oteltutorial.harness.junit.RedAssertions;
import org.oteltutorial.harness.verify.SentTraffic;

@ChapterScenario
class SpanMetricsIT {
    @Test
    void everySpanIsCountedInCallsTotal(SentTraffic sent, RedAssertions red) {
        red.assertThatRed(sent).isCountedExactlyInPrometheus();
    }
}
