package org.oteltutorial.harness.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Where the children of a span sit inside it. A child lasts {@code floor(parent * share)} nanoseconds, computed in
 * exact decimal arithmetic; the children run one after another, and the parent's spare time is spread evenly before,
 * between and after them, so every child lies inside its parent.
 */
final class SpanLayout {

  private SpanLayout() {}

  /** The durations of {@code children}, in nanoseconds, for a parent lasting {@code parentNanos}. */
  static long[] childDurations(List<SpanTemplate> children, long parentNanos) {
    long[] out = new long[children.size()];
    BigDecimal parent = BigDecimal.valueOf(parentNanos);
    for (int i = 0; i < out.length; i++) {
      out[i] = parent.multiply(children.get(i).share()).setScale(0, RoundingMode.FLOOR).longValueExact();
    }
    return out;
  }

  /** The start offsets, relative to the parent's start, of children lasting {@code childNanos}. */
  static long[] childOffsets(long parentNanos, long[] childNanos) {
    long busy = 0;
    for (long nanos : childNanos) {
      busy += nanos;
    }
    long spare = parentNanos - busy;
    if (spare < 0) {
      throw new IllegalArgumentException("children last " + busy + " ns, longer than their parent's " + parentNanos);
    }
    long gap = spare / (childNanos.length + 1);
    long[] offsets = new long[childNanos.length];
    long at = 0;
    for (int i = 0; i < childNanos.length; i++) {
      at += gap;
      offsets[i] = at;
      at += childNanos[i];
    }
    return offsets;
  }
}
