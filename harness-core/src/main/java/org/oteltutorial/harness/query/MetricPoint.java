package org.oteltutorial.harness.query;

import java.time.Instant;
import java.util.Objects;

/** One point of a Jaeger SPM metric; NaN is common (a latency quantile over a zero rate). */
public record MetricPoint(Instant timestamp, double value) {

    public MetricPoint {
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public boolean isFinite() {
        return Double.isFinite(value);
    }

    @Override
    public String toString() {
        return value + "@" + timestamp;
    }
}
