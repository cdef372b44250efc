package org.oteltutorial.harness.traffic;

import java.time.Duration;

/**
 * One request of a {@link TrafficPlan}, before it is sent.
 *
 * @param index the request's position in the plan, from 0
 * @param startOffset when the request starts, relative to the start of the plan's window
 * @param rootDuration how long the root span lasts
 * @param error whether the request fails (the shape says which spans fail with it)
 * @param band the index of the latency band the root duration was drawn from
 */
public record PlannedRequest(int index, Duration startOffset, Duration rootDuration, boolean error, int band) {

  /** When the request ends, relative to the start of the plan's window. */
  public Duration endOffset() {
    return startOffset.plus(rootDuration);
  }
}
