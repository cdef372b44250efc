package org.oteltutorial.harness.verify;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.oteltutorial.harness.query.JaegerQueryException;
import org.oteltutorial.harness.query.PrometheusQueryException;

/**
 * The one polling helper of the verify layer: it polls an observation until it satisfies the condition or the
 * deadline passes, and remembers what it last saw and since when that had not changed. A failed query (Prometheus or
 * Jaeger did not answer, or answered an error) is an observation that failed, and polling goes on; any other exception
 * is a harness bug and ends the wait at once.
 */
public final class Eventually {

    private final Duration timeout;
    private final Duration pollInterval;

    public Eventually(Duration timeout, Duration pollInterval) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /**
     * What an eventually-assertion ended with.
     *
     * @param satisfied whether the condition held before the deadline
     * @param last the last observation (null if none could be made)
     * @param waited seconds from the first poll to the end
     * @param unchangedFor seconds the last observation had not changed when it ended
     * @param error the message of the last failed query, if the last poll failed
     */
    public record Outcome<T>(boolean satisfied, T last, double waited, double unchangedFor, String error) {

        /** "after 45.0 s (unchanged for the last 30.1 s)", or the last error. */
        public String describeWait() {
            String base = String.format("after %.1f s", waited);
            if (error != null) {
                return base + " (last attempt failed: " + error + ")";
            }
            return satisfied ? base : base + String.format(" (unchanged for the last %.1f s)", unchangedFor);
        }
    }

    public <T> Outcome<T> until(Supplier<T> observe, Predicate<T> condition) {
        long start = System.nanoTime();
        Tracker<T> tracker = new Tracker<>();
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(pollInterval)
                    .until(() -> {
                        try {
                            T value = observe.get();
                            tracker.saw(value);
                            return condition.test(value);
                        } catch (PrometheusQueryException | JaegerQueryException e) {
                            tracker.failed(e);
                            return false;
                        }
                    });
            return tracker.outcome(true, start);
        } catch (ConditionTimeoutException e) {
            return tracker.outcome(false, start);
        }
    }

    private static final class Tracker<T> {
        private T last;
        private long changedAt = System.nanoTime();
        private String error;

        synchronized void saw(T value) {
            if (!Objects.equals(value, last)) {
                changedAt = System.nanoTime();
            }
            last = value;
            error = null;
        }

        synchronized void failed(RuntimeException e) {
            error = e.getMessage();
        }

        synchronized Outcome<T> outcome(boolean satisfied, long start) {
            long now = System.nanoTime();
            return new Outcome<>(satisfied, last, (now - start) / 1e9, (now - changedAt) / 1e9, error);
        }
    }
}
