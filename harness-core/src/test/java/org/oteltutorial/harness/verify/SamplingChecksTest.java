package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

class SamplingChecksTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final RedExpectations BUNDLED = RedExpectations.of(Step06.bundled().model());
    private static final String ERRORS = "sampling: Jaeger keeps every error trace";
    private static final String SLOW = "sampling: Jaeger keeps every trace of 500 ms or more";
    private static final String REST = "sampling: Jaeger keeps about 10 % of the other traces";
    private static final String WHOLE = "sampling: kept traces are whole";
    private static final String METRICS = "sampling: RED metrics count 100 % of spans";

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

    private static boolean mustKeep(SentTrace t) {
        return t.error() || t.isSlowerThan(Duration.ofMillis(500));
    }

    private List<SentTrace> ordinary() {
        return sent.traces().stream().filter(t -> !mustKeep(t)).toList();
    }

    private static CheckResult named(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " among " + results.stream().map(CheckResult::name).toList()));
    }

    @Test
    void everyErrorAndSlowTraceAndAFewOthersPass() {
        List<SentTrace> fewOrdinary = ordinary().subList(0, 3);
        jaegerHolds(t -> mustKeep(t) || fewOrdinary.contains(t));

        List<CheckResult> results = check();

        assertThat(results).extracting(CheckResult::name).containsExactly(METRICS, ERRORS, SLOW, REST, WHOLE);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.PASS));
        assertThat(named(results, ERRORS).observed()).isEqualTo("6 of 6");
        assertThat(named(results, SLOW).observed()).isEqualTo("5 of 5");
        assertThat(named(results, REST).observed()).isEqualTo("3 of 31");
        assertThat(named(results, METRICS).observed()).isEqualTo(String.valueOf(sent.totalSpans()));
        // one search per root service, over the run's window
        assertThat(jaeger.requests()).allSatisfy(url -> assertThat(url.queryParameter("service")).isEqualTo(LedgerBuilder.service("frontend")));
    }

    @Test
    void aMissingErrorTraceFailsNamingIt() {
        SentTrace lost = main.errorTraces().get(2);
        jaegerHolds(t -> mustKeep(t) && t != lost);

        CheckResult errors = named(check(), ERRORS);

        assertThat(errors.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(errors.observed()).isEqualTo("5 of 6");
        assertThat(errors.message()).contains(lost.traceId());
    }

    @Test
    void aMissingSlowTraceFails() {
        SentTrace lost = main.tracesSlowerThan(Duration.ofMillis(500)).get(0);
        jaegerHolds(t -> mustKeep(t) && t != lost);

        CheckResult slow = named(check(), SLOW);

        assertThat(slow.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(slow.message()).contains(lost.traceId());
    }

    @Test
    void keepingTooManyOrdinaryTracesFails() {
        jaegerHolds(t -> true);

        CheckResult rest = named(check(), REST);

        assertThat(rest.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(rest.expected()).isEqualTo("about 3.1 of 31 (at most 10)");
        assertThat(rest.observed()).isEqualTo("31 of 31");
    }

    @Test
    void traceIdsPrintedWithoutLeadingZerosStillMatch() {
        sent = new SentTraffic(primer, mainWave(LedgerBuilder.lowIds()));
        List<SentTrace> lowIdTraces = sent.traces().stream().filter(t -> t.traceId().startsWith("0000000000000000")).toList();
        assertThat(lowIdTraces).isNotEmpty().allSatisfy(t -> assertThat(printed(t.traceId())).hasSize(16));
        prometheus = FakePrometheus.holding(BUNDLED.prometheusNames(), BUNDLED.boundsMs(), 1, sent.primer(), sent.main());
        prometheusServer.setDispatcher(prometheus);
        jaegerHolds(SamplingChecksTest::mustKeep);

        List<CheckResult> results = check();

        assertThat(named(results, ERRORS).status()).isEqualTo(CheckStatus.PASS);
        assertThat(named(results, SLOW).status()).isEqualTo(CheckStatus.PASS);
        assertThat(named(results, WHOLE).observed()).isEqualTo("11 traces whole");
    }

    @Test
    void aTraceWithMissingSpansFails() {
        SentTrace broken = main.errorTraces().get(0);
        List<FakeJaeger.Trace> held = new ArrayList<>();
        for (SentTrace t : sent.traces()) {
            if (mustKeep(t)) {
                held.add(new FakeJaeger.Trace(printed(t.traceId()), t.rootService(), t == broken ? 2 : t.spans().size()));
            }
        }
        jaeger.traces(FakeJaeger.traces(held));

        CheckResult whole = named(check(), WHOLE);

        assertThat(whole.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(whole.observed()).isEqualTo("1 partial");
        assertThat(whole.message()).contains(broken.traceId());
    }

    @Test
    void redMetricsShortOfTheSpansSentFail() {
        prometheus.set(BUNDLED.prometheusNames().calls(), LedgerBuilder.server("frontend", "GET /", false), null, 1);
        jaegerHolds(SamplingChecksTest::mustKeep);

        CheckResult metrics = named(check(), METRICS);

        assertThat(metrics.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(metrics.expected()).isEqualTo(String.valueOf(sent.totalSpans()));
    }

    @Test
    void anUnmodelledPolicyIsSkippedWithTheReason() {
        SamplingPolicy policy = new SamplingPolicy(true, true, Optional.empty(), 10, Duration.ofSeconds(10), Optional.of("string_attribute"));

        List<CheckResult> results = check(withPolicy(policy));

        assertThat(results).hasSize(2);
        assertThat(results.get(1).status()).isEqualTo(CheckStatus.SKIP);
        assertThat(results.get(1).message()).contains("string_attribute");
        assertThat(jaeger.requests()).isEmpty();
    }

    @Test
    void withoutASamplerEveryTraceMustReachJaeger() {
        SamplingPolicy none = SamplingPolicy.of(Step06.bundled()
                .replace("collector.yaml", "processors: [tail_sampling]", "processors: []").model().collector().orElseThrow().config());
        jaegerHolds(SentTrace::error);

        List<CheckResult> results = check(withPolicy(none));

        CheckResult every = named(results, "sampling: Jaeger keeps every trace (no sampler)");
        assertThat(every.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(every.observed()).isEqualTo("6 of 42");
    }

    @Test
    void withoutASamplerAllTracesPresentPass() {
        SamplingPolicy none = new SamplingPolicy(false, true, Optional.empty(), 100, Duration.ZERO, Optional.empty());
        jaegerHolds(t -> true);

        List<CheckResult> results = check(withPolicy(none));

        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.PASS));
        assertThat(named(results, "sampling: Jaeger keeps every trace (no sampler)").observed()).isEqualTo("42 of 42");
    }
}
