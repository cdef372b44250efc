package org.oteltutorial.harness.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed interval of time: from the first span's start to the last span's end.
 *
 * @param start the first instant
 * @param end the last instant; not before {@code start}
 */
public record TimeWindow(Instant start, Instant end) {

  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("window end " + end + " is before its start " + start);
    }
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && !instant.isAfter(end);
  }

  @Override
  public String toString() {
    return start + " .. " + end;
  }
}
