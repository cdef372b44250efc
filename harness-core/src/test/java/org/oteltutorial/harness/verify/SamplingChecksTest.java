package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.report.CheckStatus;
import org.oteltutorial.harness.traffic.Ledger;
import org.oteltutorial.harness.traffic.SentTrace;
import org.oteltutorial.harness.tutorial.Step06;

class SamplingChecksTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final RedExpectations BUNDLED = RedExpectations.of(Step06.bundled().model());
    private static final String KEPT = SamplingChecks.KEPT;
    private static final String ERRORS = SamplingChecks.ERRORS;
    private static final String SLOW = SamplingChecks.SLOW + " (500 ms or more)";
    private static final String WHOLE = SamplingChecks.WHOLE;
    private static final String METRICS = SamplingChecks.METRICS;
    private static final String EVERY = SamplingChecks.EVERY;
    /**
     * The traces the bundled policies keep, by builder index, worked out by hand from the Go oracle's hashes
     * (SamplingRuleTest): the main wave's errors 4, 12, 20, 28, 36, its slow traces 6, 14, 22, 30, 38, and the
     * probabilistic policy's 8, 9, 18, 25 (default salt) or 8, 11, 12, 22, 33, 39 ("tutorial-salt"); of the primer,
     * its error trace 1 (its ids hash outside 10 % with either salt).
     */
    private static final List<Integer> MAIN_KEPT = List.of(4, 6, 8, 9, 12, 14, 18, 20, 22, 25, 28, 30, 36, 38);
    private static final List<Integer> MAIN_KEPT_SALTED = List.of(4, 6, 8, 11, 12, 14, 20, 22, 28, 30, 33, 36, 38, 39);

    @AutoClose
    private final MockWebServer jaegerServer = new MockWebServer();
    @AutoClose
    private final MockWebServer prometheusServer = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
    private final FakeJaeger jaeger = new FakeJaeger();

    // primer: one failed and one ordinary request; main: 30 ordinary, 5 failed, 5 slow (700 ms) ones
    private final Ledger primer = LedgerBuilder.primer()
            .requests(1, "frontend", "GET /", 100, true)
            .requests(1, "frontend", "GET /", 100, false)
            .build();
    private final Ledger main = mainWave(LedgerBuilder.main());
    private SentTraffic sent = new SentTraffic(primer, main);
    private FakePrometheus prometheus;

    private static Ledger mainWave(LedgerBuilder b) {
        for (int i = 0; i < 40; i++) {
            if (i % 8 == 3) {
                b.call("frontend", "GET /", 100, true, "backend1", "GET /rolldice", 40);
            } else if (i % 8 == 5) {
                b.call("frontend", "GET /", 700, false, "backend1", "GET /rolldice", 400);
            } else {
                b.call("frontend", "GET /", 100, false, "backend1", "GET /rolldice", 40);
            }
        }
        return b.build();
    }

    @BeforeEach
    void start() throws IOException {
        jaegerServer.setDispatcher(jaeger);
        jaegerServer.start();
        prometheus = FakePrometheus.holding(BUNDLED.prometheusNames(), BUNDLED.boundsMs(), 1, primer, main);
        prometheusServer.setDispatcher(prometheus);
        prometheusServer.start();
    }

    private List<CheckResult> check(RedExpectations expected) {
        PrometheusClient promClient = new PrometheusClient(prometheusServer.url("/").toString(), http);
        JaegerQueryClient jaegerClient = new JaegerQueryClient(jaegerServer.url("/").toString(), http);
        return new SamplingChecks(promClient, jaegerClient, expected).check(sent, Instant.now().minusSeconds(60), TIMEOUT);
    }

    private List<CheckResult> check() {
        return check(BUNDLED);
    }

    private static RedExpectations salted() {
        return RedExpectations.of(Step06.bundled().replace("collector.yaml", "probabilistic: {sampling_percentage: 10}",
                "probabilistic: {sampling_percentage: 10, hash_salt: tutorial-salt}").model());
    }

    private static Set<String> ids(List<Integer> main) {
        Set<String> ids = new TreeSet<>(main.stream().map(n -> LedgerBuilder.traceId(0xab, n)).toList());
        ids.add(LedgerBuilder.traceId(0xcd, 1));
        return ids;
    }

    private static RedExpectations withPolicy(SamplingPolicy policy) {
        RedExpectations e = BUNDLED;
        return new RedExpectations(e.prometheusNames(), e.prometheusDerivation(), e.jaegerNames(), e.jaegerDerivation(), e.boundsMs(),
                e.leScale(), e.flushInterval(), policy);
    }

    /** Jaeger holds the traces that match, whole, under the ids as Jaeger v1 prints them. */
    private void jaegerHolds(Predicate<SentTrace> which) {
        List<FakeJaeger.Trace> held = new ArrayList<>();
        for (SentTrace t : sent.traces()) {
            if (which.test(t)) {
                held.add(new FakeJaeger.Trace(printed(t.traceId()), t.rootService(), t.spans().size()));
            }
        }
        jaeger.traces(FakeJaeger.traces(held));
    }

    /** Jaeger v1's TraceID.String(): {@code %x%016x} of the high and low halves, or {@code %016x} of the low one. */
    private static String printed(String traceId) {
        long high = Long.parseUnsignedLong(traceId.substring(0, 16), 16);
        long low = Long.parseUnsignedLong(traceId.substring(16), 16);
        return high == 0 ? String.format("%016x", low) : String.format("%x%016x", high, low);
    }

    private static CheckResult named(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " among " + results.stream().map(CheckResult::name).toList()));
    }

    @Test
    void jaegerHoldingExactlyThePredictedTracesPasses() {
        jaegerHolds(t -> ids(MAIN_KEPT).contains(t.traceId()));

        List<CheckResult> results = check();

        assertThat(results).extracting(CheckResult::name, CheckResult::status, CheckResult::expected, CheckResult::observed)
                .containsExactly(tuple(METRICS, CheckStatus.PASS, "122", "122"), tuple(KEPT, CheckStatus.PASS, "15", "15"),
                        tuple(ERRORS, CheckStatus.PASS, "6", "6"), tuple(SLOW, CheckStatus.PASS, "5", "5"),
                        tuple(WHOLE, CheckStatus.PASS, "15", "15"));
        // one search per root service, over the run's window
        assertThat(jaeger.requests()).allSatisfy(url -> assertThat(url.queryParameter("service")).isEqualTo(LedgerBuilder.service("frontend")));
    }

    @Test
    void aKeptTraceRemovedFromTheObservationFailsNamingIt() {
        String removed = LedgerBuilder.traceId(0xab, 9);
        jaegerHolds(t -> ids(MAIN_KEPT).contains(t.traceId()) && !t.traceId().equals(removed));

        CheckResult kept = named(check(), KEPT);

        assertThat(kept.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(kept.expected()).isEqualTo("15");
        assertThat(kept.observed()).isEqualTo("14");
        assertThat(kept.message()).startsWith("Jaeger lacks 1 trace(s) the sampler keeps: " + removed + " (");
    }

    @Test
    void aSamplerThatKeepsNothingFails() {
        jaegerHolds(t -> false);

        List<CheckResult> results = check();

        assertThat(named(results, KEPT)).extracting(CheckResult::status, CheckResult::expected, CheckResult::observed)
                .containsExactly(CheckStatus.FAIL, "15", "0");
        assertThat(named(results, ERRORS)).extracting(CheckResult::status, CheckResult::observed).containsExactly(CheckStatus.FAIL, "0");
        assertThat(named(results, SLOW).message()).isEqualTo("Jaeger lacks 5 of the 5 (trace of 500 ms or more), which the latency policy keeps: "
                + String.join(", ", new TreeSet<>(List.of(6, 14, 22, 30, 38).stream().map(n -> LedgerBuilder.traceId(0xab, n)).toList())));
        assertThat(named(results, WHOLE).status()).as("no trace to look at is a skip, not a pass").isEqualTo(CheckStatus.SKIP);
    }

    @Test
    void keepingEveryTraceFailsNamingTheOnesTheSamplerDrops() {
        jaegerHolds(t -> true);

        CheckResult kept = named(check(), KEPT);

        assertThat(kept).extracting(CheckResult::status, CheckResult::expected, CheckResult::observed)
                .containsExactly(CheckStatus.FAIL, "15", "42");
        assertThat(kept.message()).startsWith("Jaeger holds 27 trace(s) the sampler drops: ").contains("and 22 more");
    }

    @Test
    void aHashSaltChangesWhichTracesAreKept() {
        jaegerHolds(t -> ids(MAIN_KEPT_SALTED).contains(t.traceId()));

        assertThat(named(check(salted()), KEPT)).extracting(CheckResult::status, CheckResult::expected, CheckResult::observed)
                .containsExactly(CheckStatus.PASS, "15", "15");
        CheckResult unsalted = named(check(), KEPT);
        assertThat(unsalted).extracting(CheckResult::status, CheckResult::expected, CheckResult::observed)
                .containsExactly(CheckStatus.FAIL, "15", "15");
        assertThat(unsalted.message()).isEqualTo("Jaeger lacks 3 trace(s) the sampler keeps: " + String.join(", ",
                new TreeSet<>(List.of(LedgerBuilder.traceId(0xab, 9), LedgerBuilder.traceId(0xab, 18), LedgerBuilder.traceId(0xab, 25))))
                + " (the traces pipeline or its exporter to Jaeger drops them, or the sampler evicted them); Jaeger holds 3 trace(s)"
                + " the sampler drops: " + String.join(", ", new TreeSet<>(List.of(LedgerBuilder.traceId(0xab, 11),
                LedgerBuilder.traceId(0xab, 33), LedgerBuilder.traceId(0xab, 39))))
                + " (spans reach Jaeger around the sampler, or its policies are not the configured ones)");
    }

    @Test
    void traceIdsPrintedWithoutLeadingZerosStillMatch() {
        sent = new SentTraffic(primer, mainWave(LedgerBuilder.lowIds()));
        List<SentTrace> lowIdTraces = sent.traces().stream().filter(t -> t.traceId().startsWith("0000000000000000")).toList();
        assertThat(lowIdTraces).hasSize(40).allSatisfy(t -> assertThat(printed(t.traceId())).hasSize(16));
        prometheus = FakePrometheus.holding(BUNDLED.prometheusNames(), BUNDLED.boundsMs(), 1, sent.primer(), sent.main());
        prometheusServer.setDispatcher(prometheus);
        // the Go oracle's choice among ids with a zero high half: 2, 9, 26, 33
        Set<String> kept = new TreeSet<>(java.util.stream.Stream.of(2, 4, 6, 9, 12, 14, 20, 22, 26, 28, 30, 33, 36, 38)
                .map(n -> LedgerBuilder.traceId(0, n)).toList());
        kept.add(LedgerBuilder.traceId(0xcd, 1));
        jaegerHolds(t -> kept.contains(t.traceId()));

        List<CheckResult> results = check();

        assertThat(named(results, KEPT)).extracting(CheckResult::status, CheckResult::observed).containsExactly(CheckStatus.PASS, "15");
        assertThat(named(results, WHOLE).observed()).isEqualTo("15");
    }

    @Test
    void aTraceWithMissingSpansFails() {
        SentTrace broken = main.errorTraces().get(0);
        List<FakeJaeger.Trace> held = new ArrayList<>();
        for (SentTrace t : sent.traces()) {
            if (ids(MAIN_KEPT).contains(t.traceId())) {
                held.add(new FakeJaeger.Trace(printed(t.traceId()), t.rootService(), t == broken ? 2 : t.spans().size()));
            }
        }
        jaeger.traces(FakeJaeger.traces(held));

        CheckResult whole = named(check(), WHOLE);

        assertThat(whole).extracting(CheckResult::status, CheckResult::expected, CheckResult::observed)
                .containsExactly(CheckStatus.FAIL, "15", "14");
        assertThat(whole.message()).contains(broken.traceId());
    }

    @Test
    void redMetricsShortOfTheSpansSentFail() {
        prometheus.set(BUNDLED.prometheusNames().calls(), LedgerBuilder.server("frontend", "GET /", false), null, 1);
        jaegerHolds(t -> ids(MAIN_KEPT).contains(t.traceId()));

        CheckResult metrics = named(check(), METRICS);

        assertThat(metrics.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(metrics.expected()).isEqualTo("122");
        assertThat(metrics.observed()).isEqualTo("87");
    }

    @Test
    void anUnmodelledPolicySkipsOnlyTheExactSetAndStillJudgesErrorsAndWholeness() {
        SamplingPolicy policy = new SamplingPolicy(true, List.of(new SamplingRule.StatusCodes(Set.of("ERROR"))),
                List.of("by-span-count (span_count)"), Duration.ofSeconds(10), 100);
        jaegerHolds(SentTrace::error);

        List<CheckResult> results = check(withPolicy(policy));

        assertThat(results).extracting(CheckResult::name, CheckResult::status)
                .containsExactly(tuple(METRICS, CheckStatus.PASS), tuple(KEPT, CheckStatus.SKIP), tuple(ERRORS, CheckStatus.PASS),
                        tuple(WHOLE, CheckStatus.PASS));
        assertThat(named(results, KEPT).message()).contains("by-span-count (span_count)");
        assertThat(named(results, ERRORS).observed()).isEqualTo("6");
    }

    @Test
    void noSlowTracePlannedIsASkipNotAPass() {
        SamplingPolicy policy = new SamplingPolicy(true, List.of(new SamplingRule.Latency(5000, 0)), List.of("by-span-count (span_count)"),
                Duration.ofSeconds(10), 100);
        jaegerHolds(t -> false);

        CheckResult slow = named(check(withPolicy(policy)), SamplingChecks.SLOW + " (5000 ms or more)");

        assertThat(slow.status()).isEqualTo(CheckStatus.SKIP);
        assertThat(slow.message()).isEqualTo("no trace of 5000 ms or more was sent, so there is nothing to compare");
    }

    @Test
    void policiesThatKeepNothingOfWhatWasSentAreASkip() {
        SamplingPolicy policy = new SamplingPolicy(true, List.of(new SamplingRule.Probabilistic("", 0)), List.of(), Duration.ofSeconds(10), 100);
        jaegerHolds(t -> false);

        List<CheckResult> results = check(withPolicy(policy));

        assertThat(results).extracting(CheckResult::name, CheckResult::status)
                .containsExactly(tuple(METRICS, CheckStatus.PASS), tuple(KEPT, CheckStatus.SKIP), tuple(WHOLE, CheckStatus.SKIP));
        assertThat(named(results, KEPT).message()).startsWith("the policies keep none of the 42 traces sent");
    }

    @Test
    void withoutASamplerEveryTraceMustReachJaeger() {
        SamplingPolicy none = SamplingPolicy.of(Step06.bundled()
                .replace("collector.yaml", "processors: [tail_sampling]", "processors: []").model().collector().orElseThrow().config());
        jaegerHolds(SentTrace::error);

        List<CheckResult> results = check(withPolicy(none));

        assertThat(named(results, EVERY)).extracting(CheckResult::status, CheckResult::expected, CheckResult::observed)
                .containsExactly(CheckStatus.FAIL, "42", "6");
    }

    @Test
    void withoutASamplerAllTracesPresentPass() {
        jaegerHolds(t -> true);

        List<CheckResult> results = check(withPolicy(SamplingPolicy.none()));

        assertThat(results).extracting(CheckResult::name, CheckResult::status, CheckResult::observed)
                .containsExactly(tuple(METRICS, CheckStatus.PASS, "122"), tuple(EVERY, CheckStatus.PASS, "42"), tuple(WHOLE, CheckStatus.PASS, "42"));
    }
}
