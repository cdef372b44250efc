package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.query.PrometheusQueryException;

class EventuallyTest {

    private final Eventually eventually = new Eventually(Duration.ofMillis(400), Duration.ofMillis(20));

    @Test
    void satisfiedAsSoonAsTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();

        Eventually.Outcome<Integer> outcome = eventually.until(polls::incrementAndGet, n -> n >= 3);

        assertThat(outcome.satisfied()).isTrue();
        assertThat(outcome.last()).isEqualTo(3);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.waited()).isLessThan(0.4);
        assertThat(outcome.describeWait()).startsWith("after ").doesNotContain("unchanged");
    }

    @Test
    void aTimeoutReportsTheLastValueAndHowLongItWasUnchanged() {
        Eventually.Outcome<String> outcome = eventually.until(() -> "7 of 9", s -> s.startsWith("9"));

        assertThat(outcome.satisfied()).isFalse();
        assertThat(outcome.last()).isEqualTo("7 of 9");
        assertThat(outcome.waited()).isGreaterThanOrEqualTo(0.4);
        // the value never changed after the first poll
        assertThat(outcome.unchangedFor()).isGreaterThan(0.3).isLessThanOrEqualTo(outcome.waited());
        assertThat(outcome.describeWait()).matches("after \\d+[.,]\\d s \\(unchanged for the last \\d+[.,]\\d s\\)");
    }

    @Test
    void unchangedForCountsFromTheLastChange() {
        AtomicInteger polls = new AtomicInteger();
        long start = System.nanoTime();
        long[] lastChange = {start};

        // the value grows over the first 10 polls, then stays
        Eventually.Outcome<Integer> outcome = eventually.until(() -> {
            if (polls.get() < 10) {
                lastChange[0] = System.nanoTime();
                return polls.incrementAndGet();
            }
            return polls.get();
        }, n -> n < 0);

        double changedAfter = (lastChange[0] - start) / 1e9;
        assertThat(outcome.satisfied()).isFalse();
        assertThat(changedAfter).isGreaterThan(0.1);
        assertThat(outcome.unchangedFor()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(outcome.waited() - changedAfter + 0.02);
    }

    /** A real failed query: Prometheus' client asking a loopback port where nothing listens. */
    private static PrometheusQueryException queryFailure() {
        try {
            new PrometheusClient("http://127.0.0.1:1/", new OkHttpClient()).query("up");
        } catch (PrometheusQueryException e) {
            return e;
        }
        throw new AssertionError("nothing listens on port 1, yet the query succeeded");
    }

    @Test
    void aFailedQueryIsAnObservationThatFailed() {
        PrometheusQueryException failure = queryFailure();
        Eventually.Outcome<Integer> outcome = eventually.until(() -> {
            throw failure;
        }, n -> true);

        assertThat(outcome.satisfied()).isFalse();
        assertThat(outcome.last()).isNull();
        assertThat(outcome.error()).isEqualTo(failure.getMessage());
        assertThat(outcome.describeWait()).contains("last attempt failed: " + failure.getMessage());
    }

    @Test
    void aHarnessBugEndsTheWaitAtOnce() {
        AtomicInteger polls = new AtomicInteger();
        long start = System.nanoTime();

        assertThatNullPointerException().isThrownBy(() -> eventually.until(() -> {
            polls.incrementAndGet();
            throw new NullPointerException("a check's bug");
        }, n -> true)).withMessage("a check's bug");

        assertThat(polls).hasValue(1);
        assertThat((System.nanoTime() - start) / 1e9).as("no wait for the deadline").isLessThan(0.4);
    }

    @Test
    void anErrorAfterAValueKeepsTheValueAndReportsTheError() {
        AtomicInteger polls = new AtomicInteger();

        Eventually.Outcome<Integer> outcome = eventually.until(() -> {
            if (polls.incrementAndGet() > 2) {
                throw queryFailure();
            }
            return 5;
        }, n -> n > 5);

        assertThat(outcome.last()).isEqualTo(5);
        assertThat(outcome.error()).isEqualTo(queryFailure().getMessage());
    }

    @Test
    void aRecoveredObservationClearsTheError() {
        AtomicInteger polls = new AtomicInteger();

        Eventually.Outcome<Integer> outcome = eventually.until(() -> {
            if (polls.incrementAndGet() < 3) {
                throw queryFailure();
            }
            return polls.get();
        }, n -> n >= 3);

        assertThat(outcome.satisfied()).isTrue();
        assertThat(outcome.error()).isNull();
        assertThat(outcome.last()).isEqualTo(3);
    }
}
