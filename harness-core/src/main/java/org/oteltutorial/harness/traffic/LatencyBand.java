package org.oteltutorial.harness.traffic;

import java.time.Duration;
import java.util.Objects;

/**
 * A share of the requests whose root span lasts between {@code min} and {@code max} (both inclusive).
 *
 * @param weight this band's weight relative to the other bands of the mix; positive
 * @param min the shortest root duration of this band; positive
 * @param max the longest root duration of this band; at least {@code min}
 */
public record LatencyBand(double weight, Duration min, Duration max) {

  public LatencyBand {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("latency band weight must be a positive number, was " + weight);
    }
    if (min.isNegative() || min.isZero()) {
      throw new IllegalArgumentException("latency band minimum must be positive, was " + min);
    }
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("latency band maximum " + max + " is below its minimum " + min);
    }
  }

  /** A band from {@code minMillis} to {@code maxMillis} milliseconds. */
  public static LatencyBand ofMillis(double weight, long minMillis, long maxMillis) {
    return new LatencyBand(weight, Duration.ofMillis(minMillis), Duration.ofMillis(maxMillis));
  }

  /** Whether a root duration drawn from this band may equal {@code duration}. */
  public boolean contains(Duration duration) {
    return duration.compareTo(min) >= 0 && duration.compareTo(max) <= 0;
  }

  @Override
  public String toString() {
    return weight + " x " + min.toMillis() + "-" + max.toMillis() + " ms";
  }
}
