package org.oteltutorial.harness.query;

import java.time.Instant;
import java.util.Objects;

/** One value of a Prometheus range series (NaN and ±Inf included). */
public record Point(Instant timestamp, double value) {

    public Point {
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public String toString() {
        return value + "@" + timestamp;
    }
}
