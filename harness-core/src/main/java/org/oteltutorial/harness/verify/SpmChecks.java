package org.oteltutorial.harness.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.JaegerQueryException;
import org.oteltutorial.harness.query.Metric;
import org.oteltutorial.harness.query.MetricFamily;
import org.oteltutorial.harness.query.MetricPoint;
import org.oteltutorial.harness.query.MetricsQuery;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.query.PrometheusQueryException;
import org.oteltutorial.harness.report.CheckResult;

/**
 * Jaeger's Service Performance Monitoring, per server service of the run: a call rate consistent with the ledger
 * and equal to Prometheus' own answer, the error rate of the main wave, latency quantiles inside the bucket that holds
 * the true quantile, and {@code groupByOperation} listing the operations sent.
 */
final class SpmChecks {

    private static final Duration STEP = Duration.ofSeconds(5);
    private static final double[] QUANTILES = {0.5, 0.95};
    private static final double ORACLE_TOLERANCE = 1e-9;
    private static final double MAX_END_EXTRAPOLATION = 2.1;
    private static final Duration ONE_LOOK = Duration.ofMillis(500);

    private final JaegerQueryClient jaeger;
    private final PrometheusClient prometheus;
    private final RedExpectations expected;
    private final Duration ratePer;

    SpmChecks(JaegerQueryClient jaeger, PrometheusClient prometheus, RedExpectations expected) {
        this.jaeger = jaeger;
        this.prometheus = prometheus;
        this.expected = expected;
        this.ratePer = ratePerFor(expected.flushInterval());
    }

    /**
     * Jaeger's {@code ratePer} becomes the PromQL range, which must hold at least two of the connector's flushes to
     * see an increase; Jaeger keeps only the first unit of the duration, so it is a whole number of minutes.
     */
    static Duration ratePerFor(Duration flushInterval) {
        long minutes = Math.max(1, (2 * flushInterval.toSeconds() + 59) / 60);
        return Duration.ofMinutes(minutes);
    }

    List<CheckResult> check(SentTraffic sent, Instant since, Duration timeout, Diagnosis diagnosis) {
        List<CheckResult> results = new ArrayList<>();
        Duration wait = timeout;
        for (String service : sent.serverServices()) {
            List<CheckResult> serviceResults = checkService(service, sent, since, wait, diagnosis);
            results.addAll(serviceResults);
            if (serviceResults.size() == 1 && serviceResults.get(0).failed()) {
                // SPM had no data for a service whose series Prometheus holds: the others will not fare better, so
                // they get one look each instead of the full wait.
                wait = ONE_LOOK;
            }
        }
        return results;
    }

    private List<CheckResult> checkService(String service, SentTraffic sent, Instant since, Duration timeout, Diagnosis diagnosis) {
        List<CheckResult> results = new ArrayList<>();
        long calls = sent.mainServerCalls(service);
        long primer = sent.primerServerCalls(service);
        String callsName = "jaeger SPM calls: " + service;
        Eventually.Outcome<Optional<MetricPoint>> outcome = new Eventually(timeout, Duration.ofSeconds(1))
                .until(() -> peak(jaeger.calls(query(service, since))), p -> p.isPresent() && consistent(p.get(), calls, primer));
        if (outcome.last() == null || outcome.last().isEmpty()) {
            String why = outcome.error() != null ? "Jaeger's metrics API failed: " + outcome.error() + explain501(outcome.error())
                    : "Jaeger SPM returned no data for the service (metrics: []). Jaeger queries "
                            + expected.jaegerNames().map(MetricNames::calls).orElse("?") + " (" + expected.jaegerDerivation()
                            + "), Prometheus holds " + heldOrImplied(diagnosis.heldRedNames()) + diagnosis.forEmptySpm();
            results.add(CheckResult.fail(callsName, expectedRate(calls, primer), "no data " + outcome.describeWait(), why)
                    .withSeconds(outcome.waited()));
            return results;
        }
        MetricPoint peak = outcome.last().get();
        String observed = String.format("%.4f/s (%.1f calls per %d s window)", peak.value(), peak.value() * ratePer.toSeconds(),
                ratePer.toSeconds());
        results.add((consistent(peak, calls, primer) ? CheckResult.pass(callsName, expectedRate(calls, primer), observed,
                "peak call rate over a " + ratePer.toSeconds() + " s window covers the main wave's " + calls + " server spans")
                : CheckResult.fail(callsName, expectedRate(calls, primer), observed, "the call rate does not match the server spans sent"))
                .withSeconds(outcome.waited()));
        results.add(oracle(service, peak));
        results.add(errorRate(service, sent, since, peak.timestamp()));
        for (double q : QUANTILES) {
            results.add(latency(service, sent, since, peak.timestamp(), q));
        }
        results.add(operations(service, sent, since));
        return results;
    }

    private MetricsQuery query(String service, Instant since) {
        Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Duration lookback = Duration.ofMillis(Duration.between(since.minus(ratePer), end).toMillis());
        return MetricsQuery.forServices(service).endTs(end).lookback(lookback).step(STEP).ratePer(ratePer);
    }

    private String heldOrImplied(Diagnosis.HeldNames held) {
        return held.none() ? "no RED-like metric (the manifests imply " + expected.prometheusNames().calls() + ")" : held.describe();
    }

    private static Optional<MetricPoint> peak(MetricFamily family) {
        return family.metrics().stream().flatMap(m -> m.finitePoints().stream()).max(Comparator.comparingDouble(MetricPoint::value));
    }

    /**
     * Prometheus' {@code rate} sees the increase from the sample before the main wave (the primer's count) to the one
     * after, and extrapolates it to the window's edges: towards the start by at most what takes the counter back to
     * zero (the primer's count), and towards the end by at most 1.1 sampling intervals, which with samples one flush
     * apart multiplies the increase by at most {@link #MAX_END_EXTRAPOLATION}. So the increase it implies lies in
     * [main, (main + primer) × 2.1].
     */
    private boolean consistent(MetricPoint p, long calls, long primer) {
        double increase = p.value() * ratePer.toSeconds();
        return calls > 0 && increase >= calls - 1e-6 && increase <= (calls + primer) * MAX_END_EXTRAPOLATION + 1e-6;
    }

    private String expectedRate(long calls, long primer) {
        double low = (double) calls / ratePer.toSeconds();
        double high = (calls + primer) * MAX_END_EXTRAPOLATION / ratePer.toSeconds();
        return String.format("%.4f–%.4f/s (%d calls in the main wave, %d before it; %d s window, Prometheus extrapolation)", low,
                high, calls, primer, ratePer.toSeconds());
    }

    /** Jaeger's number is exactly what Prometheus answers to the query Jaeger builds. */
    private CheckResult oracle(String service, MetricPoint peak) {
        String name = "jaeger SPM calls = Prometheus: " + service;
        String calls = expected.jaegerNames().map(MetricNames::calls).orElse(expected.prometheusNames().calls());
        String promql = "sum(rate(" + calls + "{service_name=~\"" + service + "\", span_kind=~\"SPAN_KIND_SERVER\"}["
                + ratePer.toMinutes() + "m])) by (service_name)";
        try {
            var vector = prometheus.query(promql, peak.timestamp());
            double ours = vector.isEmpty() ? Double.NaN : vector.sum();
            boolean same = Math.abs(ours - peak.value()) <= Math.abs(ours) * ORACLE_TOLERANCE + 1e-12;
            String exp = String.format("%.6f/s (Prometheus at %s)", ours, peak.timestamp());
            String obs = String.format("%.6f/s", peak.value());
            return same ? CheckResult.pass(name, exp, obs, "Jaeger reports exactly what Prometheus computes: " + promql)
                    : CheckResult.fail(name, exp, obs, "Jaeger's number differs from Prometheus' answer to " + promql);
        } catch (PrometheusQueryException e) {
            return CheckResult.fail(name, promql, "query failed", "Prometheus did not answer the query: " + e.getMessage());
        }
    }

    private CheckResult errorRate(String service, SentTraffic sent, Instant since, Instant at) {
        String name = "jaeger SPM error rate: " + service;
        long calls = sent.mainServerCalls(service);
        long errors = sent.mainServerErrors(service);
        long primerCalls = sent.primerServerCalls(service);
        long primerErrors = sent.primerServerErrors(service);
        double want = calls == 0 ? 0 : (double) errors / calls;
        // Each series is extrapolated towards zero by at most its value before the wave: errors by the primer's errors,
        // calls by the primer's calls.
        double low = errors == 0 ? 0 : (double) errors / (calls + primerCalls);
        double high = errors == 0 ? 0 : (double) (errors + primerErrors) / calls;
        String exp = String.format("%.4f (%d of %d server spans failed; %.4f–%.4f after extrapolation)", want, errors, calls, low, high);
        try {
            Optional<Double> got = valueAt(jaeger.errors(query(service, since)), at);
            if (got.isEmpty()) {
                return CheckResult.fail(name, exp, "no point at " + at, "Jaeger's error rate has no value where its call rate peaks");
            }
            String obs = String.format("%.4f", got.get());
            return got.get() >= low - 1e-9 && got.get() <= high + 1e-9 ? CheckResult.pass(name, exp, obs, "errors/calls over the same window")
                    : CheckResult.fail(name, exp, obs, "Jaeger's error rate differs from the share of failed server spans sent:"
                            + " the status_code label or the error series is off");
        } catch (JaegerQueryException e) {
            return CheckResult.fail(name, exp, "HTTP " + e.status(), e.getMessage());
        }
    }

    private CheckResult latency(String service, SentTraffic sent, Instant since, Instant at, double q) {
        String name = String.format("jaeger SPM p%.0f latency: %s", q * 100, service);
        List<Double> durations = sent.mainServerDurationsMillis(service);
        if (durations.isEmpty() || expected.boundsMs().isEmpty()) {
            return CheckResult.skip(name, "no server spans in the main wave, or an exponential histogram");
        }
        double truth = durations.get(Math.max(0, (int) Math.ceil(q * durations.size()) - 1));
        QuantileBuckets buckets = QuantileBuckets.of(q, expected.boundsMs(), sent.serverBuckets(service, expected.boundsMs(), true),
                sent.serverBuckets(service, expected.boundsMs(), false));
        double lo = buckets.lower();
        double hi = buckets.upper();
        String exp = String.format("within (%s, %s] ms, the bucket%s of the true p%.0f %.1f ms", PrometheusChecks.trim(lo),
                Double.isInfinite(hi) ? "+Inf" : PrometheusChecks.trim(hi), buckets.single() ? "" : "s that can hold", q * 100, truth);
        try {
            Optional<Double> got = valueAt(jaeger.latencies(query(service, since), q), at);
            if (got.isEmpty()) {
                return CheckResult.fail(name, exp, "no point at " + at, "Jaeger's latency has no finite value where its call rate peaks"
                        + durationNames());
            }
            double ms = got.get() / expected.leScale();
            String obs = String.format("%.1f ms", ms);
            return ms >= lo - 1e-9 && ms <= hi + 1e-9 ? CheckResult.pass(name, exp, obs, "histogram_quantile interpolates inside that bucket")
                    : CheckResult.fail(name, exp, obs, "the latency falls outside the bucket of the true quantile: the duration unit or"
                            + " buckets Jaeger assumes differ from the connector's");
        } catch (JaegerQueryException e) {
            return CheckResult.fail(name, exp, "HTTP " + e.status(), e.getMessage());
        }
    }

    private CheckResult operations(String service, SentTraffic sent, Instant since) {
        String name = "jaeger SPM operations: " + service;
        SortedSet<String> want = sent.serverOperations(service);
        try {
            SortedSet<String> got = new TreeSet<>();
            for (Metric m : jaeger.calls(query(service, since).groupByOperation(true)).metrics()) {
                m.operation().ifPresent(got::add);
            }
            return got.equals(want) ? CheckResult.pass(name, want.toString(), got.toString(), "groupByOperation lists the server operations")
                    : CheckResult.fail(name, want.toString(), got.toString(), "groupByOperation does not list the server operations sent");
        } catch (JaegerQueryException e) {
            return CheckResult.fail(name, want.toString(), "HTTP " + e.status(), e.getMessage());
        }
    }

    /** Why a latency may be missing: the histogram Jaeger queries is not the one Prometheus holds. */
    private String durationNames() {
        String queried = expected.jaegerNames().map(MetricNames::durationBucket).orElse("?");
        String held = expected.prometheusNames().durationBucket();
        return queried.equals(held) ? "" : ": Jaeger queries " + queried + " (" + expected.jaegerDerivation() + "), Prometheus holds "
                + held + " (" + expected.prometheusDerivation() + ")";
    }

    private static Optional<Double> valueAt(MetricFamily family, Instant at) {
        return family.metrics().stream().flatMap(m -> m.points().stream())
                .filter(p -> p.timestamp().equals(at) && p.isFinite()).map(MetricPoint::value).findFirst();
    }

    private static String explain501(String error) {
        return error != null && error.contains("501") ? " (SPM is disabled: METRICS_STORAGE_TYPE is not prometheus)" : "";
    }
}
