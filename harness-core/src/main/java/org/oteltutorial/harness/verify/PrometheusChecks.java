package org.oteltutorial.harness.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.traffic.SpanKey;

/**
 * Prometheus holds the run's series under the names the manifests imply, with exactly the counts the ledger sent:
 * calls per series (errors included), and the duration histogram's count, sum and per-bucket counts.
 */
final class PrometheusChecks {

    private static final double SUM_TOLERANCE_MS = 1e-6;

    private final PrometheusClient prometheus;
    private final RedExpectations expected;

    PrometheusChecks(PrometheusClient prometheus, RedExpectations expected) {
        this.prometheus = prometheus;
        this.expected = expected;
    }

    /** Waits until the snapshot equals what was sent (or the deadline passes), then reports per series. */
    List<CheckResult> check(SentTraffic sent, Duration timeout, Diagnosis diagnosis) {
        Eventually.Outcome<SeriesSnapshot> outcome = new Eventually(timeout, Duration.ofMillis(500))
                .until(() -> SeriesSnapshot.take(prometheus, expected.prometheusNames(), sent.runId()), s -> matches(s, sent));
        List<CheckResult> results = new ArrayList<>();
        results.add(names(outcome, diagnosis));
        SeriesSnapshot last = outcome.last() == null ? new SeriesSnapshot(Map.of(), Map.of(), Map.of(), Map.of()) : outcome.last();
        for (SpanKey key : sent.keys()) {
            results.add(calls(key, sent, last, diagnosis).withSeconds(outcome.waited()));
            results.add(durationCount(key, sent, last));
            results.add(durationSum(key, sent, last));
            if (!expected.boundsMs().isEmpty()) {
                results.add(buckets(key, sent, last));
            }
        }
        extraSeries(sent, last).ifPresent(results::add);
        if (!outcome.satisfied()) {
            results.add(CheckResult.fail("prometheus: series settle to the ledger", "all counts equal", "not equal "
                    + outcome.describeWait(), "the counts did not reach what was sent before the deadline (flush interval "
                    + expected.flushInterval().toSeconds() + " s)").withSeconds(outcome.waited()));
        }
        return results;
    }

    private boolean matches(SeriesSnapshot s, SentTraffic sent) {
        for (SpanKey key : sent.keys()) {
            if (!equal(s.calls().get(key), sent.count(key)) || !equal(s.counts().get(key), sent.count(key))
                    || !sumMatches(s.sums().get(key), sent.sumMillis(key))
                    || (!expected.boundsMs().isEmpty() && !bucketsMatch(s.buckets().get(key), expectedBuckets(key, sent)))) {
                return false;
            }
        }
        return s.keys().equals(sent.keys());
    }

    /** Every family (calls, and the histogram's count, sum and buckets) holds no series of the run beyond the ledger's. */
    private Optional<CheckResult> extraSeries(SentTraffic sent, SeriesSnapshot s) {
        MetricNames names = expected.prometheusNames();
        Map<String, Set<SpanKey>> byFamily = new LinkedHashMap<>();
        byFamily.put(names.calls(), s.calls().keySet());
        byFamily.put(names.durationCount(), s.counts().keySet());
        byFamily.put(names.durationSum(), s.sums().keySet());
        byFamily.put(names.durationBucket(), s.buckets().keySet());
        List<String> extra = new ArrayList<>();
        byFamily.forEach((family, keys) -> keys.stream().filter(k -> !sent.keys().contains(k)).sorted()
                .forEach(k -> extra.add(family + series(k))));
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CheckResult.fail("prometheus: no series beyond the ledger", "0", String.valueOf(extra.size()),
                "Prometheus holds series of this run that were never sent (labels are rewritten or spans duplicated): "
                        + String.join(", ", extra)));
    }

    private CheckResult names(Eventually.Outcome<SeriesSnapshot> outcome, Diagnosis diagnosis) {
        String expectedNames = expected.prometheusNames().calls() + ", " + expected.prometheusNames().durationBucket();
        boolean present = outcome.last() != null && !outcome.last().calls().isEmpty() && !outcome.last().buckets().isEmpty();
        if (present) {
            return CheckResult.pass("prometheus: RED metric names", expectedNames, expectedNames,
                    "derived from the manifests: " + expected.prometheusDerivation());
        }
        Diagnosis.HeldNames held = diagnosis.heldRedNames();
        return CheckResult.fail("prometheus: RED metric names", expectedNames, held.none() ? "none of the run's series" : held.describe(),
                "Prometheus holds none of this run's series under " + expectedNames + ", the names the manifests imply ("
                        + expected.prometheusDerivation() + ")" + diagnosis.forMissingSeries());
    }

    private CheckResult calls(SpanKey key, SentTraffic sent, SeriesSnapshot s, Diagnosis diagnosis) {
        String name = expected.prometheusNames().calls() + series(key);
        long want = sent.count(key);
        Double got = s.calls().get(key);
        if (equal(got, want)) {
            return CheckResult.pass(name, String.valueOf(want), format(got), "every span sent was counted");
        }
        String why;
        if (got == null) {
            why = "the series is missing" + diagnosis.forMissingSeries();
        } else if (got < want) {
            why = "Prometheus counted " + format(got) + " of " + want + " spans sent: spans were dropped or sampled before the"
                    + " spanmetrics connector" + diagnosis.forShortCounts();
        } else {
            why = "Prometheus counted more spans than were sent: duplicated export, or several collectors feed one series";
        }
        return CheckResult.fail(name, String.valueOf(want), format(got), why);
    }

    private CheckResult durationCount(SpanKey key, SentTraffic sent, SeriesSnapshot s) {
        String name = expected.prometheusNames().durationCount() + series(key);
        Double got = s.counts().get(key);
        long want = sent.count(key);
        return equal(got, want) ? CheckResult.pass(name, String.valueOf(want), format(got), "histogram count equals spans sent")
                : CheckResult.fail(name, String.valueOf(want), format(got), "the duration histogram did not count every span");
    }

    private CheckResult durationSum(SpanKey key, SentTraffic sent, SeriesSnapshot s) {
        String name = expected.prometheusNames().durationSum() + series(key);
        double wantMs = sent.sumMillis(key);
        Double got = s.sums().get(key);
        String want = String.format("%.3f", wantMs * expected.leScale());
        return sumMatches(got, wantMs) ? CheckResult.pass(name, want, got == null ? "missing" : String.format("%.3f", got),
                "sum of the exact span durations") : CheckResult.fail(name, want, got == null ? "missing" : String.format("%.3f", got),
                "the histogram's sum differs from the durations sent: a unit mismatch, or spans with other timestamps");
    }

    private CheckResult buckets(SpanKey key, SentTraffic sent, SeriesSnapshot s) {
        String name = expected.prometheusNames().durationBucket() + series(key);
        SortedMap<Double, Double> want = expectedBuckets(key, sent);
        SortedMap<Double, Double> got = s.buckets().get(key);
        String wantText = bucketText(want);
        String gotText = got == null ? "missing" : bucketText(got);
        return bucketsMatch(got, want) ? CheckResult.pass(name, wantText, gotText, "per-bucket counts under the connector's bounds")
                : CheckResult.fail(name, wantText, gotText, "per-bucket counts differ: the connector's buckets or unit are not the ones"
                        + " the manifests configure");
    }

    private SortedMap<Double, Double> expectedBuckets(SpanKey key, SentTraffic sent) {
        SortedMap<Double, Double> want = new TreeMap<>();
        sent.bucketCounts(key, expected.boundsMs()).forEach((boundMs, n) ->
                want.put(boundMs.isInfinite() ? boundMs : expected.le(boundMs), n.doubleValue()));
        return want;
    }

    private static boolean bucketsMatch(SortedMap<Double, Double> got, SortedMap<Double, Double> want) {
        if (got == null || got.size() != want.size()) {
            return false;
        }
        for (Map.Entry<Double, Double> e : want.entrySet()) {
            Double g = closest(got, e.getKey());
            if (g == null || !g.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** {@code le} labels are printed floats; match a bound within rounding. */
    private static Double closest(SortedMap<Double, Double> got, double bound) {
        for (Map.Entry<Double, Double> e : got.entrySet()) {
            boolean same = Double.isInfinite(bound) ? e.getKey().equals(bound)
                    : Double.isFinite(e.getKey()) && Math.abs(e.getKey() - bound) <= Math.abs(bound) * 1e-9;
            if (same) {
                return e.getValue();
            }
        }
        return null;
    }

    private boolean sumMatches(Double got, double wantMs) {
        return got != null && Math.abs(got - wantMs * expected.leScale()) <= SUM_TOLERANCE_MS + Math.abs(wantMs) * 1e-9;
    }

    private static boolean equal(Double got, long want) {
        return got != null && got == want;
    }

    private static String bucketText(SortedMap<Double, Double> buckets) {
        return buckets.entrySet().stream()
                .map(e -> (e.getKey().isInfinite() ? "+Inf" : trim(e.getKey())) + ":" + trim(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    static String series(SpanKey key) {
        return "{service_name=\"" + key.service() + "\", span_name=\"" + key.spanName() + "\", span_kind=\"" + key.kind()
                + "\", status_code=\"" + key.status() + "\"}";
    }

    private static String format(Double v) {
        return v == null ? "missing" : trim(v);
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
