package org.oteltutorial.harness.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.traffic.SentTrace;

/**
 * The chapter's claim on sampling: RED metrics count 100 % of spans, while Jaeger holds only what the tail sampler
 * keeps (every error trace, every slow trace, a fraction of the rest).
 */
final class SamplingChecks {

    private final PrometheusClient prometheus;
    private final JaegerQueryClient jaeger;
    private final RedExpectations expected;

    SamplingChecks(PrometheusClient prometheus, JaegerQueryClient jaeger, RedExpectations expected) {
        this.prometheus = prometheus;
        this.jaeger = jaeger;
        this.expected = expected;
    }

    /** Waits for the traces the sampler must keep for up to its decision wait plus 30 s. */
    List<CheckResult> check(SentTraffic sent, Instant since) {
        return check(sent, since, expected.sampling().decisionWait().plusSeconds(30));
    }

    List<CheckResult> check(SentTraffic sent, Instant since, Duration timeout) {
        SamplingPolicy policy = expected.sampling();
        List<CheckResult> results = new ArrayList<>();
        results.add(metricsSeeEverySpan(sent));
        if (policy.unmodelled().isPresent()) {
            results.add(CheckResult.skip("sampling: Jaeger holds the sampled traces", "the sampling policy type '"
                    + policy.unmodelled().get() + "' is not modelled by the harness, so which traces Jaeger keeps is unknown"));
            return results;
        }
        List<SentTrace> traces = sent.traces();
        List<SentTrace> mustKeep = traces.stream().filter(t -> mustKeep(t, policy)).toList();
        List<SentTrace> rest = traces.stream().filter(t -> !mustKeep(t, policy)).toList();
        Set<String> roots = traces.stream().map(SentTrace::rootService).collect(Collectors.toSet());
        Eventually.Outcome<JaegerTraceSet> outcome = new Eventually(timeout, Duration.ofSeconds(1)).until(
                () -> JaegerTraceSet.fetch(jaeger, roots, since, traces.size() * 2 + 10),
                set -> mustKeep.stream().allMatch(t -> set.has(t.traceId())));
        JaegerTraceSet held = outcome.last() == null ? new JaegerTraceSet(java.util.Map.of()) : outcome.last();
        double waited = outcome.waited();
        if (policy.keepErrors()) {
            results.add(kept("sampling: Jaeger keeps every error trace", traces.stream().filter(SentTrace::error).toList(), held,
                    "a status_code ERROR policy keeps them").withSeconds(waited));
        }
        policy.latencyThreshold().ifPresent(threshold -> results.add(kept("sampling: Jaeger keeps every trace of "
                + threshold.toMillis() + " ms or more", sent.tracesSlowerThan(threshold),
                held, "a latency policy keeps them").withSeconds(waited)));
        // Without a sampler every trace must reach Jaeger, not only the "rest" (which is then empty).
        results.add(fractionOfRest(policy.sampled() ? rest : traces, held, policy));
        results.add(complete(traces, held));
        return results;
    }

    private static boolean mustKeep(SentTrace t, SamplingPolicy p) {
        if (!p.sampled()) {
            return true;
        }
        return (p.keepErrors() && t.error()) || p.latencyThreshold().map(t::isSlowerThan).orElse(false);
    }

    private CheckResult metricsSeeEverySpan(SentTraffic sent) {
        String query = "sum(" + expected.prometheusNames().calls() + "{service_name=~\".+-" + sent.runId() + "\"})";
        double counted;
        try {
            var vector = prometheus.query(query);
            counted = vector.isEmpty() ? 0 : vector.sum();
        } catch (RuntimeException e) {
            return CheckResult.fail("sampling: RED metrics count 100 % of spans", String.valueOf(sent.totalSpans()), "query failed",
                    e.getMessage());
        }
        String observed = PrometheusChecks.trim(counted);
        return counted == sent.totalSpans()
                ? CheckResult.pass("sampling: RED metrics count 100 % of spans", String.valueOf(sent.totalSpans()), observed,
                        "spanmetrics sees every span, before any sampling")
                : CheckResult.fail("sampling: RED metrics count 100 % of spans", String.valueOf(sent.totalSpans()), observed,
                        "the RED metrics do not count every span sent, so they cannot recover what sampling drops");
    }

    private static CheckResult kept(String name, List<SentTrace> want, JaegerTraceSet held, String why) {
        List<String> missing = want.stream().map(SentTrace::traceId).filter(id -> !held.has(id)).toList();
        String expected = want.size() + " of " + want.size();
        String observed = (want.size() - missing.size()) + " of " + want.size();
        return missing.isEmpty() ? CheckResult.pass(name, expected, observed, why)
                : CheckResult.fail(name, expected, observed, "Jaeger lacks " + missing.size() + " trace(s) the sampler must keep, e.g. "
                        + missing.get(0) + ": the traces pipeline or its exporter to Jaeger drops them");
    }

    private static CheckResult fractionOfRest(List<SentTrace> rest, JaegerTraceSet held, SamplingPolicy policy) {
        long kept = rest.stream().filter(t -> held.has(t.traceId())).count();
        int n = rest.size();
        String name = "sampling: Jaeger keeps about " + PrometheusChecks.trim(policy.percentage()) + " % of the other traces";
        if (!policy.sampled()) {
            return kept == n ? CheckResult.pass("sampling: Jaeger keeps every trace (no sampler)", n + " of " + n, kept + " of " + n, "")
                    : CheckResult.fail("sampling: Jaeger keeps every trace (no sampler)", n + " of " + n, kept + " of " + n,
                            "without a sampler every trace should reach Jaeger");
        }
        double p = policy.percentage() / 100.0;
        double mean = n * p;
        double upper = mean + 4 * Math.sqrt(n * p * (1 - p)) + 1;
        String expected = String.format("about %.1f of %d (at most %.0f)", mean, n, Math.floor(upper));
        String observed = kept + " of " + n;
        if (p >= 1 ? kept == n : kept <= upper && (p > 0 || kept == 0)) {
            return CheckResult.pass(name, expected, observed, "the rest is sampled, so Jaeger alone under-reports traffic");
        }
        return CheckResult.fail(name, expected, observed, "Jaeger keeps far more (or fewer) of the ordinary traces than the"
                + " probabilistic policy allows: the sampler is not in the traces pipeline, or spans bypass it");
    }

    private static CheckResult complete(List<SentTrace> sent, JaegerTraceSet held) {
        List<String> partial = sent.stream().filter(t -> held.has(t.traceId()))
                .filter(t -> held.spansByTrace().get(JaegerTraceSet.normalize(t.traceId())) != t.spans().size())
                .map(SentTrace::traceId).toList();
        long inJaeger = sent.stream().filter(t -> held.has(t.traceId())).count();
        return partial.isEmpty() ? CheckResult.pass("sampling: kept traces are whole", "all spans of each kept trace",
                inJaeger + " traces whole", "tail sampling keeps or drops a trace as a whole")
                : CheckResult.fail("sampling: kept traces are whole", "all spans of each kept trace", partial.size() + " partial",
                        "Jaeger holds traces with missing spans, e.g. " + partial.get(0) + ": spans of one trace were decided apart");
    }
}
