package org.oteltutorial.harness.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oteltutorial.harness.traffic.Ledger;
import org.oteltutorial.harness.traffic.SentSpan;
import org.oteltutorial.harness.traffic.SentTrace;
import org.oteltutorial.harness.traffic.SpanKey;
import org.oteltutorial.harness.traffic.TimeWindow;

/**
 * Builds a {@link Ledger} by hand: one request after another, each a SERVER root span, optionally calling a SERVER
 * span of another service through a CLIENT span. Trace ids are {@link #traceId}, so a {@code high} of 0 gives ids
 * that Jaeger v1 prints with 16 digits.
 */
final class LedgerBuilder {

    static final String RUN = "t3st01";
    static final Instant START = Instant.parse("2024-04-25T16:00:00Z");
    static final String SERVER = "SPAN_KIND_SERVER";
    static final String CLIENT = "SPAN_KIND_CLIENT";
    static final String UNSET = "STATUS_CODE_UNSET";
    static final String ERROR = "STATUS_CODE_ERROR";

    private final String runId;
    private final long high;
    private final List<SentTrace> traces = new ArrayList<>();
    private Duration end = Duration.ZERO;
    private long spans;

    private LedgerBuilder(String runId, long high) {
        this.runId = runId;
        this.high = high;
    }

    /** Trace ids whose high half is {@code 00000000000000ab}. */
    static LedgerBuilder main() {
        return new LedgerBuilder(RUN, 0xabL);
    }

    /** A second wave of the same run, with other trace ids. */
    static LedgerBuilder primer() {
        return new LedgerBuilder(RUN, 0xcdL);
    }

    /** Trace ids whose high half is zero. */
    static LedgerBuilder lowIds() {
        return new LedgerBuilder(RUN, 0L);
    }

    static String service(String tutorialService) {
        return tutorialService + "-" + RUN;
    }

    static SpanKey server(String tutorialService, String name, boolean error) {
        return new SpanKey(service(tutorialService), name, SERVER, error ? ERROR : UNSET);
    }

    /** A request answered by {@code service} alone; returns its trace id. */
    String request(String service, String name, double millis, boolean error) {
        String traceId = nextTraceId();
        Duration start = end.plusMillis(100);
        SentSpan root = new SentSpan(traceId, nextSpanId(), "", server(service, name, error), start, nanos(millis));
        add(new SentTrace(traceId, List.of(root)));
        return traceId;
    }

    /** A request to {@code service} that calls {@code callee}: root SERVER, a CLIENT child, the callee's SERVER span. */
    String call(String service, String name, double millis, boolean error, String callee, String calleeName, double calleeMillis) {
        String traceId = nextTraceId();
        Duration start = end.plusMillis(100);
        SentSpan root = new SentSpan(traceId, nextSpanId(), "", server(service, name, error), start, nanos(millis));
        SentSpan client = new SentSpan(traceId, nextSpanId(), root.spanId(),
                new SpanKey(service(service), "GET", CLIENT, UNSET), start.plusNanos(1000), nanos(calleeMillis + 0.002));
        SentSpan server = new SentSpan(traceId, nextSpanId(), client.spanId(), server(callee, calleeName, false),
                start.plusNanos(2000), nanos(calleeMillis));
        add(new SentTrace(traceId, List.of(root, client, server)));
        return traceId;
    }

    /** {@code n} requests of the same duration. */
    LedgerBuilder requests(int n, String service, String name, double millis, boolean error) {
        for (int i = 0; i < n; i++) {
            request(service, name, millis, error);
        }
        return this;
    }

    Ledger build() {
        return new Ledger(runId, new TimeWindow(START, START.plus(end)), traces);
    }

    private void add(SentTrace trace) {
        traces.add(trace);
        for (SentSpan s : trace.spans()) {
            if (s.endOffset().compareTo(end) > 0) {
                end = s.endOffset();
            }
        }
    }

    private String nextTraceId() {
        return traceId(high, traces.size() + 1);
    }

    /**
     * The id of the {@code n}-th trace (from 1) of a builder: the high half as given, the low half {@code n} times the
     * 64-bit golden ratio, so the ids spread over the tail sampler's hash as random ids do (ids that differ only in
     * their last byte hash to neighbouring FNV values, and a 10 % policy would keep all or none of them).
     */
    static String traceId(long high, int n) {
        return String.format("%016x%016x", high, n * 0x9E3779B97F4A7C15L);
    }

    private String nextSpanId() {
        return String.format("%016x", high * 0x10000L + ++spans);
    }

    private static Duration nanos(double millis) {
        return Duration.ofNanos(Math.round(millis * 1e6));
    }
}
