package org.oteltutorial.harness.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.query.Sample;
import org.oteltutorial.harness.traffic.SpanKey;

/**
 * The run's RED series as Prometheus holds them at one moment: calls, and the duration histogram's count, sum and
 * cumulative buckets, per (service, span name, kind, status).
 */
record SeriesSnapshot(Map<SpanKey, Double> calls, Map<SpanKey, Double> counts, Map<SpanKey, Double> sums,
        Map<SpanKey, SortedMap<Double, Double>> buckets) {

    static SeriesSnapshot take(PrometheusClient prometheus, MetricNames names, String runId) {
        String selector = "{service_name=~\".+-" + runId + "\"}";
        Map<SpanKey, SortedMap<Double, Double>> buckets = new HashMap<>();
        for (Sample s : prometheus.query(names.durationBucket() + selector).samples()) {
            buckets.computeIfAbsent(key(s), k -> new TreeMap<>()).merge(le(s.labels().get("le")), s.value(), Double::sum);
        }
        return new SeriesSnapshot(byKey(prometheus.query(names.calls() + selector).samples()),
                byKey(prometheus.query(names.durationCount() + selector).samples()),
                byKey(prometheus.query(names.durationSum() + selector).samples()), buckets);
    }

    /** The keys of every family's series. */
    Set<SpanKey> keys() {
        Set<SpanKey> keys = new TreeSet<>(calls.keySet());
        keys.addAll(counts.keySet());
        keys.addAll(sums.keySet());
        keys.addAll(buckets.keySet());
        return keys;
    }

    /**
     * Series that differ only in labels the harness does not key on (e.g. a second collector's {@code job} or
     * {@code instance}) are summed, in every family alike, so the totals are compared with the ledger.
     */
    private static Map<SpanKey, Double> byKey(List<Sample> samples) {
        Map<SpanKey, Double> values = new HashMap<>();
        for (Sample s : samples) {
            values.merge(key(s), s.value(), Double::sum);
        }
        return values;
    }

    static SpanKey key(Sample s) {
        return new SpanKey(s.labels().getOrDefault("service_name", ""), s.labels().getOrDefault("span_name", ""),
                s.labels().getOrDefault("span_kind", ""), s.labels().getOrDefault("status_code", ""));
    }

    private static double le(String value) {
        return value == null || value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value);
    }
}
