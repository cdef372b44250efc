package org.oteltutorial.harness.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oteltutorial.harness.traffic.Ledger;
import org.oteltutorial.harness.traffic.SentTrace;
import org.oteltutorial.harness.traffic.SpanKey;

/**
 * Everything the run sent, over its waves: a primer wave that creates every series, then the main wave. Prometheus
 * counts cover both; rates in Jaeger cover the increase, i.e. the main wave.
 */
public record SentTraffic(Ledger primer, Ledger main) {

    public static final String SERVER = "SPAN_KIND_SERVER";
    public static final String ERROR = "STATUS_CODE_ERROR";

    /** One wave only. */
    public static SentTraffic single(Ledger ledger) {
        return new SentTraffic(ledger, new Ledger(ledger.runId(), ledger.window(), List.of()));
    }

    private List<Ledger> all() {
        return List.of(primer, main);
    }

    public String runId() {
        return main.runId();
    }

    public SortedSet<SpanKey> keys() {
        SortedSet<SpanKey> keys = new TreeSet<>();
        all().forEach(l -> keys.addAll(l.keys()));
        return keys;
    }

    public long count(SpanKey key) {
        return all().stream().mapToLong(l -> l.count(key)).sum();
    }

    public double sumMillis(SpanKey key) {
        return all().stream().mapToDouble(l -> l.sumMillis(key)).sum();
    }

    /** Cumulative counts per bound (ms) with {@code le} semantics, the last entry being +Inf. */
    public SortedMap<Double, Long> bucketCounts(SpanKey key, List<Double> boundsMs) {
        SortedMap<Double, Long> total = new TreeMap<>();
        for (Ledger l : all()) {
            l.bucketCounts(key, boundsMs).forEach((bound, n) -> total.merge(bound, n, Long::sum));
        }
        return total;
    }

    public long totalSpans() {
        return all().stream().mapToLong(Ledger::totalSpans).sum();
    }

    public SortedSet<String> serverServices() {
        SortedSet<String> services = new TreeSet<>();
        all().forEach(l -> services.addAll(l.serverServices()));
        return services;
    }

    public SortedSet<String> serverOperations(String service) {
        SortedSet<String> ops = new TreeSet<>();
        all().forEach(l -> ops.addAll(l.operations(service, SERVER)));
        return ops;
    }

    /** Server spans of a service in the main wave, and how many of them failed. */
    public long mainServerCalls(String service) {
        return main.keys(service).stream().filter(k -> k.kind().equals(SERVER)).mapToLong(main::count).sum();
    }

    public long mainServerErrors(String service) {
        return main.keys(service).stream().filter(k -> k.kind().equals(SERVER) && k.status().equals(ERROR)).mapToLong(main::count).sum();
    }

    /** Server spans of a service in the primer wave (the counters' values before the main wave), and its failures. */
    public long primerServerCalls(String service) {
        return primer.keys(service).stream().filter(k -> k.kind().equals(SERVER)).mapToLong(primer::count).sum();
    }

    public long primerServerErrors(String service) {
        return primer.keys(service).stream().filter(k -> k.kind().equals(SERVER) && k.status().equals(ERROR)).mapToLong(primer::count).sum();
    }

    /** Cumulative bucket counts (ms bounds, +Inf last) of a service's server spans in one wave. */
    public SortedMap<Double, Long> serverBuckets(String service, List<Double> boundsMs, boolean mainWave) {
        Ledger wave = mainWave ? main : primer;
        SortedMap<Double, Long> total = new TreeMap<>();
        wave.keys(service).stream().filter(k -> k.kind().equals(SERVER))
                .forEach(k -> wave.bucketCounts(k, boundsMs).forEach((b, n) -> total.merge(b, n, Long::sum)));
        return total;
    }

    /** Durations (ms) of the main wave's server spans of a service, sorted. */
    public List<Double> mainServerDurationsMillis(String service) {
        List<Double> all = new ArrayList<>();
        main.keys(service).stream().filter(k -> k.kind().equals(SERVER)).forEach(k -> all.addAll(main.durationsMillis(k)));
        all.sort(Double::compare);
        return all;
    }

    public List<SentTrace> traces() {
        List<SentTrace> traces = new ArrayList<>(primer.traces());
        traces.addAll(main.traces());
        return traces;
    }

    public List<SentTrace> tracesSlowerThan(Duration threshold) {
        List<SentTrace> slow = new ArrayList<>(primer.tracesSlowerThan(threshold));
        slow.addAll(main.tracesSlowerThan(threshold));
        return slow;
    }
}
