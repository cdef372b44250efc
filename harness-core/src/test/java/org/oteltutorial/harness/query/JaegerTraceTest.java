package org.oteltutorial.harness.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JaegerTraceTest {

    private static final Instant T0 = Instant.parse("2024-04-25T16:00:00Z");

    private static JaegerSpan span(String id, long startMillis, Map<String, Object> tags, String... parents) {
        return new JaegerSpan(id, "svc", "op-" + id, T0.plusMillis(startMillis), Duration.ofMillis(10), tags,
                List.of(parents));
    }

    @Test
    void otelStatusCodeErrorAloneIsAnError() {
        assertThat(span("a", 0, Map.of("otel.status_code", "ERROR")).hasError()).isTrue();
        assertThat(span("a", 0, Map.of("otel.status_code", "OK")).hasError()).isFalse();
        assertThat(span("a", 0, Map.of("error", "true")).hasError()).isTrue();
        assertThat(span("a", 0, Map.of("error", false)).hasError()).isFalse();
        assertThat(span("a", 0, Map.of()).hasError()).isFalse();
    }

    @Test
    void rootOfATraceWhoseRootSpanIsMissingIsTheEarliestOrphan() {
        JaegerTrace trace = new JaegerTrace("t", List.of(
                span("child", 5, Map.of(), "orphan-late"),
                span("orphan-late", 3, Map.of(), "missing"),
                span("orphan-early", 1, Map.of(), "missing")));

        assertThat(trace.root().map(JaegerSpan::spanId)).contains("orphan-early");
    }

    @Test
    void spanWithoutParentsIsTheRootEvenIfItStartsLater() {
        JaegerTrace trace = new JaegerTrace("t", List.of(
                span("child", 0, Map.of(), "root"),
                span("root", 2, Map.of())));

        assertThat(trace.root().map(JaegerSpan::spanId)).contains("root");
        assertThat(trace.duration()).isEqualTo(Duration.ofMillis(12));
    }

    @Test
    void emptyTraceHasNoRootAndNoDuration() {
        JaegerTrace trace = new JaegerTrace("t", List.of());

        assertThat(trace.root()).isEmpty();
        assertThat(trace.duration()).isZero();
        assertThat(trace.hasError()).isFalse();
    }

    @Test
    void sixArgumentSpanHasNoParents() {
        JaegerSpan span = new JaegerSpan("a", "svc", "op", T0, Duration.ofMillis(1), Map.of());

        assertThat(span.parentSpanIds()).isEmpty();
        assertThat(span.end()).isEqualTo(T0.plusMillis(1));
    }
}
