package org.oteltutorial.harness.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The spans of one request, all sharing one trace id; the root span first.
 *
 * @param traceId the trace id
 * @param spans the spans, depth first, parents before children
 */
public record SentTrace(String traceId, List<SentSpan> spans) {

  public SentTrace {
    Objects.requireNonNull(traceId, "traceId");
    spans = List.copyOf(spans);
    if (spans.isEmpty()) {
      throw new IllegalArgumentException("trace " + traceId + " has no spans");
    }
    if (!spans.get(0).isRoot()) {
      throw new IllegalArgumentException("trace " + traceId + " must start with its root span");
    }
    for (int i = 0; i < spans.size(); i++) {
      SentSpan span = spans.get(i);
      if (!span.traceId().equals(traceId)) {
        throw new IllegalArgumentException("span " + span.spanId() + " belongs to trace " + span.traceId()
            + ", not " + traceId);
      }
      if (i > 0 && span.isRoot()) {
        throw new IllegalArgumentException("trace " + traceId + " has more than one root span");
      }
    }
  }

  public SentSpan root() {
    return spans.get(0);
  }

  public String rootService() {
    return root().key().service();
  }

  public String rootName() {
    return root().key().spanName();
  }

  public Duration startOffset() {
    return root().startOffset();
  }

  public Duration rootDuration() {
    return root().duration();
  }

  public double rootMillis() {
    return root().durationMillis();
  }

  /** Whether any span of the trace ended with status ERROR (what the tail sampler's status_code policy keeps). */
  public boolean error() {
    return spans.stream().anyMatch(s -> s.key().isError());
  }

  /**
   * Whether the root span lasted at least {@code threshold}. The children lie inside the root, so this is also the
   * trace's extent, the duration the tail sampler's latency policy measures (earliest start to latest end).
   */
  public boolean isSlowerThan(Duration threshold) {
    return rootDuration().compareTo(threshold) >= 0;
  }
}
