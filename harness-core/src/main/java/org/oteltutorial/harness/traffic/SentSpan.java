package org.oteltutorial.harness.traffic;

import java.time.Duration;
import java.util.Objects;

/**
 * One span as it was sent.
 *
 * @param traceId the trace id, 32 lowercase hex digits
 * @param spanId the span id, 16 lowercase hex digits
 * @param parentSpanId the parent's span id, or the empty string for a root span
 * @param key service, name, kind and status, as spanmetrics keys them
 * @param startOffset when the span starts, relative to the start of the ledger's window
 * @param duration how long the span lasts, exactly (end minus start timestamp)
 */
public record SentSpan(
    String traceId, String spanId, String parentSpanId, SpanKey key, Duration startOffset, Duration duration) {

  public SentSpan {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(parentSpanId, "parentSpanId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(startOffset, "startOffset");
    Objects.requireNonNull(duration, "duration");
    if (startOffset.isNegative()) {
      throw new IllegalArgumentException("span " + spanId + " starts before its window: " + startOffset);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("span " + spanId + " has a negative duration: " + duration);
    }
  }

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  /** When the span ends, relative to the start of the ledger's window. */
  public Duration endOffset() {
    return startOffset.plus(duration);
  }

  /**
   * The duration in milliseconds, computed as the spanmetrics connector does ({@code nanoseconds / 1e6} in double
   * precision), so the value is the one its histogram sees.
   */
  public double durationMillis() {
    return toMillis(duration);
  }

  static double toMillis(Duration duration) {
    return duration.toNanos() / 1e6;
  }
}
