package org.oteltutorial.harness.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.stack.StackEndpoints;
import org.oteltutorial.harness.traffic.Ledger;
import org.oteltutorial.harness.tutorial.StackModel;

/** Judges a running stack against what was sent: Prometheus series, the sampling claim, and Jaeger SPM. */
public final class RedVerifier implements AutoCloseable {

    private static final Duration SETTLE_MARGIN = Duration.ofSeconds(20);
    private static final Duration SHORT_LOOK = Duration.ofSeconds(6);

    private final RedExpectations expected;
    private final PrometheusClient prometheus;
    private final JaegerQueryClient jaeger;
    private final Diagnosis diagnosis;
    private final OkHttpClient http;

    public RedVerifier(StackModel model, RedExpectations expected, StackEndpoints endpoints) {
        this.expected = expected;
        this.http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        this.prometheus = new PrometheusClient(endpoints.prometheus().toString(), http);
        this.jaeger = new JaegerQueryClient(endpoints.jaegerQuery().toString(), http);
        this.diagnosis = new Diagnosis(model, prometheus);
    }

    /** The spanmetrics connector's flush interval, from the model: what every wait for the RED series is scaled by. */
    public Duration flushInterval() {
        return expected.flushInterval();
    }

    /** How long the RED series may take to show a wave: one flush of the connector plus a margin. */
    public Duration settleTimeout() {
        return expected.flushInterval().plus(SETTLE_MARGIN);
    }

    /** Waits until Prometheus counts exactly what the ledger sent (used between waves); false if it never does. */
    public boolean awaitCounts(Ledger ledger) {
        SentTraffic sent = SentTraffic.single(ledger);
        return new Eventually(settleTimeout(), Duration.ofMillis(500))
                .until(() -> SeriesSnapshot.take(prometheus, expected.prometheusNames(), ledger.runId()),
                        s -> sent.keys().stream().allMatch(k -> s.calls().get(k) != null && s.calls().get(k) == ledger.count(k)))
                .satisfied();
    }

    public List<CheckResult> verify(SentTraffic sent, Instant since, Consumer<String> progress) {
        List<CheckResult> results = new ArrayList<>();
        progress.accept("  prometheus: series, counts, histograms");
        List<CheckResult> series = new PrometheusChecks(prometheus, expected).check(sent, settleTimeout(), diagnosis);
        results.addAll(series);
        progress.accept("  sampling: metrics vs Jaeger traces");
        results.addAll(new SamplingChecks(prometheus, jaeger, expected).check(sent, since));
        progress.accept("  jaeger SPM: calls, errors, latencies, operations");
        // SPM reads what Prometheus holds: once Prometheus has settled on wrong counts, waiting for SPM to agree with
        // the ledger is pointless, so SPM gets a short look and the report shows what it said.
        Duration spmWait = series.stream().anyMatch(CheckResult::failed) ? SHORT_LOOK : SETTLE_MARGIN;
        results.addAll(new SpmChecks(jaeger, prometheus, expected).check(sent, since, spmWait, diagnosis));
        return results;
    }

    /** Prometheus holds exactly what was sent, waited for up to one flush and a margin. */
    public List<CheckResult> prometheus(SentTraffic sent) {
        return new PrometheusChecks(prometheus, expected).check(sent, settleTimeout(), diagnosis);
    }

    /** Jaeger holds exactly the traces the tail sampler keeps, waited for up to its decision wait and a margin. */
    public List<CheckResult> sampling(SentTraffic sent, Instant since) {
        return new SamplingChecks(prometheus, jaeger, expected).check(sent, since);
    }

    /** One look at the run's traces in Jaeger: the observation the sampling checks judge. */
    public JaegerTraceSet jaegerTraces(SentTraffic sent, Instant since) {
        return new SamplingChecks(prometheus, jaeger, expected).observe(sent, since);
    }

    /** The sampling checks on a given observation, without waiting. */
    public List<CheckResult> sampling(SentTraffic sent, JaegerTraceSet observation) {
        SamplingChecks checks = new SamplingChecks(prometheus, jaeger, expected);
        return checks.judge(sent, checks.countSpans(sent), observation, 0);
    }

    /**
     * Jaeger SPM reads the RED metrics back. Checked on its own, nothing waited for the main wave's flush before, so
     * SPM gets that wait as well as the run's margin.
     */
    public List<CheckResult> spm(SentTraffic sent, Instant since) {
        return new SpmChecks(jaeger, prometheus, expected).check(sent, since, settleTimeout().plus(SETTLE_MARGIN), diagnosis);
    }

    /** The tutorial's own traffic to the frontend and the per-demo-service checks, where the app runs. */
    public List<CheckResult> verifyDemoApp(StackModel model, java.net.URI frontend, Instant since, int requests) {
        DemoAppChecks app = new DemoAppChecks(http, prometheus, jaeger, expected);
        var before = app.serverCalls(DemoAppChecks.instrumentedServices(model));
        List<CheckResult> results = new ArrayList<>();
        results.add(app.sendTutorialTraffic(frontend, requests));
        results.addAll(app.check(before, requests, since, settleTimeout()));
        return results;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
