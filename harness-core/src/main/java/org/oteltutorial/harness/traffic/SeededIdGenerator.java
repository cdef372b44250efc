package org.oteltutorial.harness.traffic;

import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.trace.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Trace and span ids drawn from a seeded generator, so the same plan sent the same way gets the same ids. The seed is
 * mixed with the run id: runs that share a seed but not a run id never share a trace id in a shared Jaeger.
 */
final class SeededIdGenerator implements IdGenerator {

  private final SplittableRandom random;

  SeededIdGenerator(long seed, String runId) {
    this.random = new SplittableRandom(seed ^ fnv1a64(runId));
  }

  @Override
  public synchronized String generateSpanId() {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return SpanId.fromLong(id);
  }

  @Override
  public synchronized String generateTraceId() {
    long high;
    long low;
    do {
      high = random.nextLong();
      low = random.nextLong();
    } while (high == 0 && low == 0);
    return TraceId.fromLongs(high, low);
  }

  private static long fnv1a64(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
