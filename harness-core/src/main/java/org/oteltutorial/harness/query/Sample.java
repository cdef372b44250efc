package org.oteltutorial.harness.query;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One element of a Prometheus instant vector: a label set, its value (NaN and ±Inf included) and when. */
public record Sample(Map<String, String> labels, double value, Instant timestamp) {

    public Sample {
        labels = Labels.copyOf(labels);
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The {@code __name__} label, or an empty string when the expression dropped it (as {@code rate()} does). */
    public String metricName() {
        return labels.getOrDefault("__name__", "");
    }

    @Override
    public String toString() {
        return labels + "=" + value + "@" + timestamp;
    }
}
