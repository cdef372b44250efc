package org.oteltutorial.harness.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A search in Jaeger's trace API ({@code /api/traces}): traces of one service, optionally of one operation and with
 * given tags, whose spans started within {@code lookback} before {@code end}. Defaults: lookback 1 h, limit 100 (the
 * server's default), end at the client's clock.
 *
 * @param operation an operation name, or {@code null} for all
 * @param end       the end of the window, or {@code null} for the client clock's "now"
 */
public record TraceQuery(String service, String operation, Map<String, String> tags, Instant end, Duration lookback,
                         int limit) {

    public static final Duration DEFAULT_LOOKBACK = Duration.ofHours(1);
    public static final int DEFAULT_LIMIT = 100;

    public TraceQuery {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("a trace search needs a service name");
        }
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        Objects.requireNonNull(lookback, "lookback");
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("lookback must be positive, got " + lookback);
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }

    public static TraceQuery forService(String service) {
        return new TraceQuery(service, null, Map.of(), null, DEFAULT_LOOKBACK, DEFAULT_LIMIT);
    }

    public TraceQuery operation(String name) {
        return new TraceQuery(service, Objects.requireNonNull(name, "name"), tags, end, lookback, limit);
    }

    /** Only traces with a span carrying tag {@code key=value} (all given tags must match). */
    public TraceQuery tag(String key, String value) {
        Map<String, String> more = new TreeMap<>(tags);
        more.put(key, value);
        return new TraceQuery(service, operation, more, end, lookback, limit);
    }

    public TraceQuery end(Instant value) {
        return new TraceQuery(service, operation, tags, Objects.requireNonNull(value, "value"), lookback, limit);
    }

    public TraceQuery lookback(Duration value) {
        return new TraceQuery(service, operation, tags, end, value, limit);
    }

    public TraceQuery limit(int value) {
        return new TraceQuery(service, operation, tags, end, lookback, value);
    }

    /**
     * The request parameters. {@code start} and {@code end} (unix microseconds) define the window on the server;
     * {@code lookback} is sent as the UI sends it, for the record, and is ignored by Jaeger.
     */
    Params params(Clock clock) {
        Instant windowEnd = end != null ? end : clock.instant();
        Params params = Params.of("service", service);
        if (operation != null) {
            params.add("operation", operation);
        }
        tags.forEach((key, value) -> params.add("tag", key + ":" + value));
        return params.add("start", Long.toString(micros(windowEnd.minus(lookback))))
                .add("end", Long.toString(micros(windowEnd)))
                .add("lookback", uiDuration(lookback))
                .add("limit", Integer.toString(limit));
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** {@code 1h}, {@code 15m}, {@code 90s}, {@code 1500ms}: the largest unit that is exact. */
    private static String uiDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
