package org.oteltutorial.harness.junit;

import java.util.function.Consumer;
import org.oteltutorial.harness.verify.JaegerTraceSet;
import org.oteltutorial.harness.verify.RedExpectations;
import org.oteltutorial.harness.verify.RedVerifier;
import org.oteltutorial.harness.verify.SentTraffic;

/**
 * Where a scenario's assertions start: {@code red.assertThatRed(sent).isCountedExactly()}. They run the same checks as
 * {@code harness run}, wait as long as the model's flush interval and the sampler's decision wait require, and fail
 * with an {@link org.opentest4j.AssertionFailedError} carrying expected and actual, so an IDE shows the diff.
 */
public final class RedAssertions {

    private final RedVerifier verifier;
    private final RedExpectations expected;
    private final Consumer<String> console;

    RedAssertions(RedVerifier verifier, RedExpectations expected, Consumer<String> console) {
        this.verifier = verifier;
        this.expected = expected;
        this.console = console;
    }

    public RedAssert assertThatRed(SentTraffic sent) {
        return new RedAssert(verifier, sent, console);
    }

    /** One look at the traces Jaeger holds of a run: an observation a test may change to see the checks notice. */
    public JaegerTraceSet jaegerTraces(SentTraffic sent) {
        return verifier.jaegerTraces(sent, RedAssert.since(sent));
    }

    /** What the manifests imply: metric names, buckets, flush interval, sampling policy. */
    public RedExpectations expected() {
        return expected;
    }
}
