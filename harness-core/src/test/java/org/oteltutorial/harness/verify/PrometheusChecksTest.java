package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oteltutorial.harness.verify.LedgerBuilder.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.report.CheckStatus;
import org.oteltutorial.harness.traffic.Ledger;
import org.oteltutorial.harness.traffic.SpanKey;
import org.oteltutorial.harness.traffic.TrafficGenerator;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;

class PrometheusChecksTest {

    /** Long enough for any passing check (they pass on the first poll), short for the failing ones. */
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final StackModel MODEL = Step06.bundled().model();
    private static final RedExpectations EXPECTED = RedExpectations.of(MODEL);
    private static final MetricNames NAMES = EXPECTED.prometheusNames();
    private static final List<Double> BOUNDS = EXPECTED.boundsMs();

    @AutoClose
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
    private PrometheusClient prometheus;

    private final Ledger primer = LedgerBuilder.primer()
            .requests(1, "frontend", "GET /", 120.25, true)
            .requests(1, "frontend", "GET /", 130.5, false)
            .build();
    private final Ledger main = mainWave();
    private final SentTraffic sent = new SentTraffic(primer, main);
    private final SpanKey frontendOk = server("frontend", "GET /", false);

    private static Ledger mainWave() {
        LedgerBuilder b = LedgerBuilder.main();
        b.call("frontend", "GET /", 1.5, false, "backend1", "GET /rolldice", 0.75);
        b.call("frontend", "GET /", 250.125, false, "backend1", "GET /rolldice", 90.5);
        b.call("frontend", "GET /", 1400, false, "backend1", "GET /rolldice", 800);
        b.call("frontend", "GET /", 620.333, true, "backend1", "GET /rolldice", 300.001);
        b.request("frontend", "GET /", 16_000, false);
        return b.build();
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
        prometheus = new PrometheusClient(server.url("/").toString(), http);
    }

    private List<CheckResult> check(FakePrometheus fake, RedExpectations expected, SentTraffic traffic) {
        server.setDispatcher(fake);
        return new PrometheusChecks(prometheus, expected).check(traffic, TIMEOUT, new Diagnosis(MODEL, prometheus));
    }

    private List<CheckResult> check(FakePrometheus fake) {
        return check(fake, EXPECTED, sent);
    }

    private FakePrometheus exact() {
        return FakePrometheus.holding(NAMES, BOUNDS, 1, primer, main);
    }

    private static List<CheckResult> failed(List<CheckResult> results) {
        return results.stream().filter(CheckResult::failed).toList();
    }

    private static CheckResult named(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " among " + results.stream().map(CheckResult::name).toList()));
    }

    @Test
    void exactCountsPassWithOneCheckPerSeriesAndMetric() {
        List<CheckResult> results = check(exact());

        assertThat(failed(results)).isEmpty();
        // names, then calls, count, sum and buckets for each of the 4 keys sent
        assertThat(sent.keys()).hasSize(4);
        assertThat(results).hasSize(1 + 4 * 4).allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASS));
        CheckResult calls = named(results, NAMES.calls() + PrometheusChecks.series(frontendOk));
        assertThat(calls.expected()).isEqualTo("5");
        assertThat(calls.observed()).isEqualTo("5");
        CheckResult buckets = named(results, NAMES.durationBucket() + PrometheusChecks.series(frontendOk));
        assertThat(buckets.expected()).isEqualTo(buckets.observed()).contains("2:1 ", "200:2 ", "1400:4 ", "15000:4 ", "+Inf:5");
    }

    @Test
    void trafficSentThroughTheSdkPassesWhenCountedExactly() throws IOException {
        try (MockWebServer collector = new MockWebServer()) {
            collector.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/x-protobuf").build();
                }
            });
            collector.start();
            TrafficGenerator generator = TrafficGenerator.to(collector.url("/v1/traces").toString());
            TrafficPlan plan = TrafficPlan.builder().withRunId("sdk42").withRequests(12).withWindow(Duration.ofSeconds(3)).build();
            Ledger sdkPrimer = generator.send(plan.toBuilder().withSeed(plan.seed() + 1).withRequests(2).withErrorRatio(0.5).build());
            Ledger sdkMain = generator.send(plan);
            SentTraffic traffic = new SentTraffic(sdkPrimer, sdkMain);

            List<CheckResult> results = check(FakePrometheus.holding(NAMES, BOUNDS, 1, sdkPrimer, sdkMain), EXPECTED, traffic);

            assertThat(traffic.keys()).hasSizeGreaterThan(4);
            assertThat(failed(results)).isEmpty();
            assertThat(results).hasSize(1 + 4 * traffic.keys().size());
        }
    }

    @Test
    void aShortCountFailsAndSaysSpansWereSampledOrDropped() {
        FakePrometheus fake = exact().set(NAMES.calls(), frontendOk, null, 4);

        List<CheckResult> results = check(fake);

        CheckResult calls = named(results, NAMES.calls() + PrometheusChecks.series(frontendOk));
        assertThat(calls.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(calls.expected()).isEqualTo("5");
        assertThat(calls.observed()).isEqualTo("4");
        assertThat(calls.message()).contains("4 of 5", "sampled");
        assertThat(named(results, "prometheus: series settle to the ledger").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(failed(results)).hasSize(2);
    }

    @Test
    void missingSeriesFailNamingTheExpectedAndTheHeldNames() {
        // what Prometheus would hold if the metric names lost their suffixes
        FakePrometheus fake = FakePrometheus.holding(new MetricNames("calls", "duration"), BOUNDS, 1, primer, main);

        List<CheckResult> results = check(fake);

        CheckResult names = named(results, "prometheus: RED metric names");
        assertThat(names.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(names.expected()).isEqualTo("calls_total, duration_milliseconds_bucket");
        assertThat(names.observed()).contains("calls", "duration_bucket").doesNotContain("calls_total");
        assertThat(names.message()).contains("calls_total", "Prometheus holds calls, duration_bucket");
        CheckResult calls = named(results, NAMES.calls() + PrometheusChecks.series(frontendOk));
        assertThat(calls.observed()).isEqualTo("missing");
        assertThat(calls.message()).contains("missing", "duration_bucket");
    }

    @Test
    void bucketsAreMatchedByLeAsPrometheusPrintsIt() {
        FakePrometheus fake = exact();

        assertThat(fake.value(NAMES.durationBucket(), frontendOk, "2")).isEqualTo(1);
        assertThat(fake.value(NAMES.durationBucket(), frontendOk, "1400")).isEqualTo(4);
        assertThat(fake.value(NAMES.durationBucket(), frontendOk, "+Inf")).isEqualTo(5);
        assertThat(failed(check(fake))).isEmpty();
    }

    @Test
    void bucketsInSecondsAreMatchedByLeAsPrometheusPrintsIt() {
        StackModel model = Step06.bundled().replace("collector.yaml", "      spanmetrics:\n",
                "      spanmetrics:\n        histogram:\n          unit: s\n").model();
        RedExpectations seconds = RedExpectations.of(model);
        FakePrometheus fake = FakePrometheus.holding(seconds.prometheusNames(), BOUNDS, 0.001, primer, main);

        assertThat(fake.value("duration_seconds_bucket", frontendOk, "0.002")).isEqualTo(1);
        assertThat(fake.value("duration_seconds_bucket", frontendOk, "1.4")).isEqualTo(4);
        List<CheckResult> results = check(fake, seconds, sent);

        assertThat(failed(results)).isEmpty();
        assertThat(named(results, "duration_seconds_sum" + PrometheusChecks.series(frontendOk)).expected()).isEqualTo("17.782");
    }

    @Test
    void bucketsInMillisecondsFailWhenTheConnectorSaysSeconds() {
        StackModel model = Step06.bundled().replace("collector.yaml", "      spanmetrics:\n",
                "      spanmetrics:\n        histogram:\n          unit: s\n").model();
        RedExpectations seconds = RedExpectations.of(model);
        FakePrometheus fake = FakePrometheus.holding(seconds.prometheusNames(), BOUNDS, 1, primer, main);

        List<CheckResult> results = check(fake, seconds, sent);

        CheckResult buckets = named(results, "duration_seconds_bucket" + PrometheusChecks.series(frontendOk));
        assertThat(buckets.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(buckets.expected()).contains("0.002:1");
        assertThat(buckets.observed()).contains("2:1");
        assertThat(named(results, "duration_seconds_sum" + PrometheusChecks.series(frontendOk)).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void thePlusInfBucketMustHoldTheTotal() {
        // a past bug: +Inf was compared with the first bucket
        FakePrometheus fake = exact().set(NAMES.durationBucket(), frontendOk, "+Inf", 1);

        List<CheckResult> results = check(fake);

        CheckResult buckets = named(results, NAMES.durationBucket() + PrometheusChecks.series(frontendOk));
        assertThat(buckets.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(buckets.expected()).endsWith("+Inf:5");
        assertThat(buckets.observed()).endsWith("+Inf:1");
    }

    @Test
    void aFiniteBucketMustNotBeReadAsPlusInf() {
        FakePrometheus fake = exact().set(NAMES.durationBucket(), frontendOk, "15000", 5);

        CheckResult buckets = named(check(fake), NAMES.durationBucket() + PrometheusChecks.series(frontendOk));

        assertThat(buckets.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(buckets.observed()).contains("15000:5");
    }

    @Test
    void aMissingBucketFails() {
        FakePrometheus fake = exact().remove(s -> s.name().equals(NAMES.durationBucket()) && "1400".equals(s.labels().get("le"))
                && s.labels().get("service_name").equals(frontendOk.service()) && s.labels().get("status_code").equals(frontendOk.status())
                && s.labels().get("span_name").equals(frontendOk.spanName()));

        CheckResult buckets = named(check(fake), NAMES.durationBucket() + PrometheusChecks.series(frontendOk));

        assertThat(buckets.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(buckets.observed()).doesNotContain("1400:");
    }

    @Test
    void sumsMatchWithinFloatTolerance() {
        double sum = exact().value(NAMES.durationSum(), frontendOk, null);
        assertThat(sum).isEqualTo(sent.sumMillis(frontendOk));

        List<CheckResult> close = check(exact().set(NAMES.durationSum(), frontendOk, null, sum + 1e-6));
        List<CheckResult> off = check(exact().set(NAMES.durationSum(), frontendOk, null, sum + 0.001));

        assertThat(failed(close)).isEmpty();
        CheckResult offSum = named(off, NAMES.durationSum() + PrometheusChecks.series(frontendOk));
        assertThat(offSum.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(offSum.expected()).isEqualTo("17782.125");
        assertThat(offSum.message()).contains("unit");
    }

    @Test
    void aCountAboveTheLedgerFailsAsDuplicated() {
        CheckResult calls = named(check(exact().set(NAMES.calls(), frontendOk, null, 10)), NAMES.calls() + PrometheusChecks.series(frontendOk));

        assertThat(calls.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(calls.message()).contains("more spans than were sent");
    }

    @Test
    void extraSeriesOfTheRunFail() {
        SpanKey never = server("frontend", "GET /health", false);
        SpanKey bucketsOnly = server("frontend", "GET /metrics", false);
        FakePrometheus fake = exact().add(NAMES.calls(), never, null, 3).add(NAMES.durationBucket(), bucketsOnly, "+Inf", 2)
                .add(NAMES.durationSum(), bucketsOnly, null, 4.5);

        List<CheckResult> results = check(fake);

        CheckResult extra = named(results, "prometheus: no series beyond the ledger");
        assertThat(extra).extracting(CheckResult::status, CheckResult::expected, CheckResult::observed)
                .containsExactly(CheckStatus.FAIL, "0", "3");
        assertThat(extra.message()).endsWith(": " + NAMES.calls() + PrometheusChecks.series(never) + ", " + NAMES.durationSum()
                + PrometheusChecks.series(bucketsOnly) + ", " + NAMES.durationBucket() + PrometheusChecks.series(bucketsOnly));
    }

    @Test
    void seriesThatDifferOnlyInOtherLabelsAreSummedInEveryFamily() {
        // a second scrape job holding half of each of frontendOk's series: totals still equal the ledger's
        FakePrometheus fake = exact();
        for (String name : List.of(NAMES.calls(), NAMES.durationCount())) {
            double total = fake.value(name, frontendOk, null);
            fake.set(name, frontendOk, null, total - 2).addWithJob(name, frontendOk, null, 2, "second");
        }
        double inf = fake.value(NAMES.durationBucket(), frontendOk, "+Inf");
        fake.set(NAMES.durationBucket(), frontendOk, "+Inf", inf - 2).addWithJob(NAMES.durationBucket(), frontendOk, "+Inf", 2, "second");

        List<CheckResult> results = check(fake);

        assertThat(failed(results)).isEmpty();
        assertThat(named(results, NAMES.durationBucket() + PrometheusChecks.series(frontendOk)).observed()).endsWith("+Inf:5");
    }

    @Test
    void seriesOfOtherRunsAreIgnored() {
        SpanKey otherRun = new SpanKey("frontend-other1", "GET /", LedgerBuilder.SERVER, LedgerBuilder.UNSET);
        FakePrometheus fake = exact().add(NAMES.calls(), otherRun, null, 99);

        assertThat(failed(check(fake))).isEmpty();
        assertThat(fake.queries()).allSatisfy(q -> assertThat(q).contains("service_name=~\".+-" + LedgerBuilder.RUN + "\""));
    }
}
