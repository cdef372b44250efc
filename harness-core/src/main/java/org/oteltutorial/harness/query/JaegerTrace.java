package org.oteltutorial.harness.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A trace as Jaeger's search API returns it. */
public record JaegerTrace(String traceId, List<JaegerSpan> spans) {

    public JaegerTrace {
        spans = List.copyOf(spans);
    }

    /**
     * The earliest span whose parents are not in this trace: the true root, or the top of what arrived when the root
     * span is missing.
     */
    public Optional<JaegerSpan> root() {
        Set<String> ids = spans.stream().map(JaegerSpan::spanId).collect(Collectors.toSet());
        return spans.stream()
                .filter(span -> span.parentSpanIds().stream().noneMatch(ids::contains))
                .min(Comparator.comparing(JaegerSpan::start));
    }

    /** From the earliest span start to the latest span end; zero for a trace without spans. */
    public Duration duration() {
        Optional<Instant> first = spans.stream().map(JaegerSpan::start).min(Comparator.naturalOrder());
        Optional<Instant> last = spans.stream().map(JaegerSpan::end).max(Comparator.naturalOrder());
        return first.isEmpty() ? Duration.ZERO : Duration.between(first.get(), last.get());
    }

    public boolean hasError() {
        return spans.stream().anyMatch(JaegerSpan::hasError);
    }

    public Set<String> services() {
        return spans.stream().map(JaegerSpan::service).collect(Collectors.toCollection(TreeSet::new));
    }

    public List<JaegerSpan> spansOf(String service) {
        return spans.stream().filter(span -> span.service().equals(service)).toList();
    }
}
