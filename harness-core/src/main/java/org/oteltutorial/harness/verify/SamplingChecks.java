package org.oteltutorial.harness.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.query.PrometheusQueryException;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.traffic.SentTrace;

/**
 * The chapter's claim on sampling: RED metrics count 100 % of spans, while Jaeger holds exactly the traces the tail
 * sampler keeps, which the harness predicts trace by trace from the ids it sent ({@link SamplingPolicy#keeps}).
 */
final class SamplingChecks {

    static final String METRICS = "sampling: RED metrics count 100 % of spans";
    static final String KEPT = "sampling: Jaeger holds exactly the traces the tail sampler keeps";
    static final String EVERY = "sampling: Jaeger holds every trace (no sampler)";
    static final String ERRORS = "sampling: Jaeger keeps every error trace";
    static final String SLOW = "sampling: Jaeger keeps every slow trace";
    static final String WHOLE = "sampling: kept traces are whole";
    private static final int IDS_NAMED = 5;

    private final PrometheusClient prometheus;
    private final JaegerQueryClient jaeger;
    private final RedExpectations expected;

    SamplingChecks(PrometheusClient prometheus, JaegerQueryClient jaeger, RedExpectations expected) {
        this.prometheus = prometheus;
        this.jaeger = jaeger;
        this.expected = expected;
    }

    /** Waits for the kept traces for up to the sampler's decision wait plus 30 s. */
    List<CheckResult> check(SentTraffic sent, Instant since) {
        return check(sent, since, expected.sampling().decisionWait().plusSeconds(30));
    }

    List<CheckResult> check(SentTraffic sent, Instant since, Duration timeout) {
        SamplingPolicy policy = expected.sampling();
        List<SentTrace> traces = sent.traces();
        Set<String> predicted = predicted(traces);
        Set<String> mustHold = policy.exact() ? predicted : policy.keepsEveryError() ? ids(traces.stream().filter(SentTrace::error).toList())
                : Set.of();
        Eventually.Outcome<CountedSpans> counted = new Eventually(timeout, Duration.ofMillis(500)).until(() -> countSpans(sent),
                c -> c.counted() == sent.totalSpans());
        Eventually.Outcome<JaegerTraceSet> outcome = new Eventually(timeout, Duration.ofSeconds(1)).until(() -> observe(sent, since),
                set -> policy.exact() ? set.heldOf(traces).equals(predicted) : set.heldOf(traces).containsAll(mustHold));
        return judge(sent, counted.last(), outcome.last() == null ? new JaegerTraceSet(Map.of()) : outcome.last(), outcome.waited());
    }

    /** One look at what the RED metrics count of the run's spans. */
    CountedSpans countSpans(SentTraffic sent) {
        String query = "sum(" + expected.prometheusNames().calls() + "{service_name=~\".+-" + sent.runId() + "\"})";
        try {
            var vector = prometheus.query(query);
            return new CountedSpans(vector.isEmpty() ? 0 : vector.sum(), null);
        } catch (PrometheusQueryException e) {
            return new CountedSpans(Double.NaN, "Prometheus did not answer " + query + ": " + e.getMessage());
        }
    }

    /** An observation: the spans the RED metrics count, or why Prometheus could not say. */
    record CountedSpans(double counted, String queryError) {
    }

    /** One look at the run's traces in Jaeger. */
    JaegerTraceSet observe(SentTraffic sent, Instant since) {
        List<SentTrace> traces = sent.traces();
        Set<String> roots = traces.stream().map(SentTrace::rootService).collect(Collectors.toSet());
        return JaegerTraceSet.fetch(jaeger, roots, since, traces.size() * 2 + 10);
    }

    /** The checks as a diff of what the policies keep of the traces sent and what Jaeger holds. */
    List<CheckResult> judge(SentTraffic sent, CountedSpans counted, JaegerTraceSet held, double waited) {
        SamplingPolicy policy = expected.sampling();
        List<SentTrace> traces = sent.traces();
        List<CheckResult> results = new ArrayList<>();
        results.add(metricsSeeEverySpan(sent, counted));
        if (policy.exact()) {
            results.add(kept(policy, traces, predicted(traces), held).withSeconds(waited));
        } else {
            results.add(CheckResult.skip(KEPT, "the harness cannot decide the sampling polic" + (policy.unmodelled().size() == 1 ? "y " : "ies ")
                    + String.join(", ", policy.unmodelled()) + ", so which traces Jaeger keeps is unknown; the checks it can"
                    + " still judge follow"));
        }
        if (policy.sampled() && policy.keepsEveryError()) {
            results.add(every(ERRORS, "error trace", "the status_code ERROR policy", traces.stream().filter(SentTrace::error).toList(),
                    held).withSeconds(waited));
        }
        policy.keepsEverySlowerThan().filter(t -> policy.sampled()).ifPresent(threshold -> results.add(every(SLOW + " ("
                + threshold.toMillis() + " ms or more)", "trace of " + threshold.toMillis() + " ms or more", "the latency policy",
                sent.tracesSlowerThan(threshold), held).withSeconds(waited)));
        results.add(complete(traces, held));
        return results;
    }

    private Set<String> predicted(List<SentTrace> traces) {
        SamplingPolicy policy = expected.sampling();
        return policy.exact() ? ids(traces.stream().filter(policy::keeps).toList()) : Set.of();
    }

    private static CheckResult metricsSeeEverySpan(SentTraffic sent, CountedSpans counted) {
        String want = String.valueOf(sent.totalSpans());
        if (counted == null || counted.queryError() != null) {
            return CheckResult.fail(METRICS, want, "query failed", counted == null ? "no answer" : counted.queryError());
        }
        String observed = PrometheusChecks.trim(counted.counted());
        return counted.counted() == sent.totalSpans()
                ? CheckResult.pass(METRICS, want, observed, "spanmetrics sees every span, before any sampling")
                : CheckResult.fail(METRICS, want, observed,
                        "the RED metrics do not count every span sent, so they cannot recover what sampling drops");
    }

    /** Expected and observed are the numbers of kept traces; a passing run has the same set, not only the same count. */
    private static CheckResult kept(SamplingPolicy policy, List<SentTrace> traces, Set<String> predicted, JaegerTraceSet held) {
        Set<String> observed = held.heldOf(traces);
        String name = policy.sampled() ? KEPT : EVERY;
        String want = String.valueOf(predicted.size());
        String got = String.valueOf(observed.size());
        if (predicted.isEmpty() && observed.isEmpty()) {
            return CheckResult.skip(name, "the policies keep none of the " + traces.size() + " traces sent, so there is nothing"
                    + " to compare: send more requests (--requests) or an error share above zero");
        }
        List<String> missing = predicted.stream().filter(id -> !observed.contains(id)).sorted().toList();
        List<String> unexpected = observed.stream().filter(id -> !predicted.contains(id)).sorted().toList();
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return CheckResult.pass(name, want, got, policy.sampled() ? "of " + traces.size() + " traces sent, the ones the policies"
                    + " keep, trace by trace (status_code, latency and probabilistic OR'ed, the probabilistic hash of each trace id)"
                    : "without a sampler every trace reaches Jaeger");
        }
        StringBuilder why = new StringBuilder();
        if (!missing.isEmpty()) {
            why.append("Jaeger lacks ").append(missing.size()).append(" trace(s) the sampler keeps: ").append(firstFew(missing))
                    .append(" (the traces pipeline or its exporter to Jaeger drops them, or the sampler evicted them)");
        }
        if (!unexpected.isEmpty()) {
            why.append(why.isEmpty() ? "" : "; ").append("Jaeger holds ").append(unexpected.size())
                    .append(" trace(s) the sampler drops: ").append(firstFew(unexpected))
                    .append(" (spans reach Jaeger around the sampler, or its policies are not the configured ones)");
        }
        return CheckResult.fail(name, want, got, why.toString());
    }

    /** Every trace of a kind a policy keeps whatever the others say is in Jaeger; none sent is a skip ("0 of 0"). */
    private static CheckResult every(String name, String kind, String policy, List<SentTrace> want, JaegerTraceSet held) {
        if (want.isEmpty()) {
            return CheckResult.skip(name, "no " + kind + " was sent, so there is nothing to compare");
        }
        List<String> missing = want.stream().map(SentTrace::traceId).filter(id -> !held.has(id)).sorted().toList();
        String expectedCount = String.valueOf(want.size());
        String got = String.valueOf(want.size() - missing.size());
        return missing.isEmpty() ? CheckResult.pass(name, expectedCount, got, policy + " keeps them")
                : CheckResult.fail(name, expectedCount, got, "Jaeger lacks " + missing.size() + " of the " + want.size() + " (" + kind
                        + "), which " + policy + " keeps: " + firstFew(missing));
    }

    private static CheckResult complete(List<SentTrace> sent, JaegerTraceSet held) {
        List<SentTrace> inJaeger = sent.stream().filter(t -> held.has(t.traceId())).toList();
        if (inJaeger.isEmpty()) {
            return CheckResult.skip(WHOLE, "Jaeger holds none of the run's traces, so there is no trace to look at");
        }
        List<String> partial = inJaeger.stream().filter(t -> held.spans(t.traceId()) != t.spans().size()).map(SentTrace::traceId)
                .sorted().toList();
        String want = String.valueOf(inJaeger.size());
        String got = String.valueOf(inJaeger.size() - partial.size());
        return partial.isEmpty() ? CheckResult.pass(WHOLE, want, got, "tail sampling keeps or drops a trace as a whole")
                : CheckResult.fail(WHOLE, want, got, "Jaeger holds traces with missing spans: " + firstFew(partial)
                        + ": spans of one trace were decided apart");
    }

    private static Set<String> ids(List<SentTrace> traces) {
        return traces.stream().map(SentTrace::traceId).collect(Collectors.toUnmodifiableSet());
    }

    private static String firstFew(List<String> ids) {
        return ids.size() <= IDS_NAMED ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, IDS_NAMED)) + " and " + (ids.size() - IDS_NAMED) + " more";
    }
}
