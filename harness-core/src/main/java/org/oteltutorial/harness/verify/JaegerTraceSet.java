package org.oteltutorial.harness.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.JaegerTrace;
import org.oteltutorial.harness.query.TraceQuery;
import org.oteltutorial.harness.traffic.SentTrace;

/** An observation: the run's traces Jaeger holds, trace id (32 lower-case hex digits) → number of spans. */
public record JaegerTraceSet(Map<String, Integer> spansByTrace) {

    static JaegerTraceSet fetch(JaegerQueryClient jaeger, Set<String> rootServices, Instant since, int limit) {
        Map<String, Integer> found = new HashMap<>();
        Instant end = Instant.now().plusSeconds(5);
        Duration lookback = Duration.between(since.minusSeconds(60), end);
        for (String service : rootServices) {
            for (JaegerTrace t : jaeger.traces(TraceQuery.forService(service).end(end).lookback(lookback).limit(limit))) {
                found.put(normalize(t.traceId()), t.spans().size());
            }
        }
        return new JaegerTraceSet(Map.copyOf(found));
    }

    /** Jaeger v1 prints a trace id whose high half is zero with 16 digits; ledgers use 32. */
    static String normalize(String traceId) {
        String lower = traceId.toLowerCase(Locale.ROOT);
        return "0".repeat(Math.max(0, 32 - lower.length())) + lower;
    }

    /** A copy without one trace: what a test makes of an observation to prove a check notices the loss. */
    public JaegerTraceSet without(String traceId) {
        Map<String, Integer> rest = new HashMap<>(spansByTrace);
        rest.remove(normalize(traceId));
        return new JaegerTraceSet(Map.copyOf(rest));
    }

    public boolean has(String traceId) {
        return spansByTrace.containsKey(normalize(traceId));
    }

    int spans(String traceId) {
        return spansByTrace.getOrDefault(normalize(traceId), 0);
    }

    /** The ids (as sent) of the traces held among those sent. */
    public Set<String> heldOf(List<SentTrace> sent) {
        return sent.stream().map(SentTrace::traceId).filter(this::has).collect(Collectors.toUnmodifiableSet());
    }
}
