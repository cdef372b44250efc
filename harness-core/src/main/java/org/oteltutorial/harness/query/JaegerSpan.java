package org.oteltutorial.harness.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A span as Jaeger's query API shows it.
 *
 * @param tags          span tags by key: String, Boolean, Long or Double according to the tag's type
 * @param parentSpanIds the span ids this span references (CHILD_OF or FOLLOWS_FROM); empty for a root span
 */
public record JaegerSpan(String spanId, String service, String operation, Instant start, Duration duration,
                         Map<String, Object> tags, List<String> parentSpanIds) {

    public JaegerSpan {
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        parentSpanIds = List.copyOf(parentSpanIds);
    }

    /** A span without parent references. */
    public JaegerSpan(String spanId, String service, String operation, Instant start, Duration duration,
                      Map<String, Object> tags) {
        this(spanId, service, operation, start, duration, tags, List.of());
    }

    public Instant end() {
        return start.plus(duration);
    }

    public Optional<Object> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    /** The {@code span.kind} tag ({@code server}, {@code client}, ...), as Jaeger derives it from the OTLP kind. */
    public Optional<String> kind() {
        return tag("span.kind").map(String::valueOf);
    }

    /** Whether the span failed: tag {@code error=true} (Jaeger's convention) or {@code otel.status_code=ERROR}. */
    public boolean hasError() {
        return tag("error").map(value -> Boolean.TRUE.equals(value) || "true".equals(value)).orElse(false)
                || tag("otel.status_code").map("ERROR"::equals).orElse(false);
    }
}
