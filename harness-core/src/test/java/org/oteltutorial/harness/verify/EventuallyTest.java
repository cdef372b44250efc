package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

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

    @Test
    void aThrowingObservationReportsTheError() {
        Eventually.Outcome<Integer> outcome = eventually.until(() -> {
            throw new IllegalStateException("connection refused");
        }, n -> true);

        assertThat(outcome.satisfied()).isFalse();
        assertThat(outcome.last()).isNull();
        assertThat(outcome.error()).isEqualTo("connection refused");
        assertThat(outcome.describeWait()).contains("last attempt failed: connection refused");
    }

    @Test
    void anErrorAfterAValueKeepsTheValueAndReportsTheError() {
        AtomicInteger polls = new AtomicInteger();

        Eventually.Outcome<Integer> outcome = eventually.until(() -> {
            if (polls.incrementAndGet() > 2) {
                throw new IllegalStateException("HTTP 503");
            }
            return 5;
        }, n -> n > 5);

        assertThat(outcome.last()).isEqualTo(5);
        assertThat(outcome.error()).isEqualTo("HTTP 503");
    }

    @Test
    void aRecoveredObservationClearsTheError() {
        AtomicInteger polls = new AtomicInteger();

        Eventually.Outcome<Integer> outcome = eventually.until(() -> {
            if (polls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return polls.get();
        }, n -> n >= 3);

        assertThat(outcome.satisfied()).isTrue();
        assertThat(outcome.error()).isNull();
        assertThat(outcome.last()).isEqualTo(3);
    }
}
