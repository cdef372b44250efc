package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
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
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;

class SpmChecksTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final Instant T0 = Instant.parse("2024-04-25T16:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final Instant PEAK = T0.plusSeconds(10);
    private static final Instant T3 = T0.plusSeconds(15);
    private static final String FRONTEND = LedgerBuilder.service("frontend");
    private static final Map<String, String> FRONTEND_LABELS = Map.of("service_name", FRONTEND);
    private static final StackModel MODEL = Step06.bundled().model();
    private static final RedExpectations EXPECTED = RedExpectations.of(MODEL);
    private static final String ORACLE = "sum(rate(calls_total{service_name=~\"" + FRONTEND
            + "\", span_kind=~\"SPAN_KIND_SERVER\"}[1m])) by (service_name)";

    @AutoClose
    private final MockWebServer jaegerServer = new MockWebServer();
    @AutoClose
    private final MockWebServer prometheusServer = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
    private final FakeJaeger jaeger = new FakeJaeger();
    private FakePrometheus prometheus;

    // 2 server spans before the main wave (one failed), then 20: 12 x 30 ms, 4 x 120 ms, 4 failed x 700 ms.
    // p50 of the main wave is 30 ms, in (10, 50]; its error rate 4/20 = 0.2, with extrapolation within [4/22, 5/20].
    private final Ledger primer = LedgerBuilder.primer()
            .requests(1, "frontend", "GET /", 30, false)
            .requests(1, "frontend", "GET /", 700, true)
            .build();
    private final Ledger main = LedgerBuilder.main()
            .requests(12, "frontend", "GET /", 30, false)
            .requests(4, "frontend", "GET /", 120, false)
            .requests(4, "frontend", "GET /", 700, true)
            .build();
    private final SentTraffic sent = new SentTraffic(primer, main);

    @BeforeEach
    void start() throws IOException {
        jaegerServer.setDispatcher(jaeger);
        jaegerServer.start();
        prometheus = FakePrometheus.holding(EXPECTED.prometheusNames(), EXPECTED.boundsMs(), 1, primer, main)
                .answer(ORACLE, FRONTEND_LABELS, 0.4);
        prometheusServer.setDispatcher(prometheus);
        prometheusServer.start();
        // a consistent SPM: peak 0.4/s x 60 s = 24 calls, within [20, 22 x 2.1]
        jaeger.metrics("calls", FakeJaeger.family("service_call_rate")
                        .series(FRONTEND_LABELS, T0, "NaN", T1, 0.1, PEAK, 0.4, T3, 0.2))
                .metrics("calls/grouped", FakeJaeger.family("service_operation_call_rate")
                        .series(Map.of("service_name", FRONTEND, "operation", "GET /"), T1, 0.1, PEAK, 0.4))
                .metrics("errors", FakeJaeger.family("service_error_rate")
                        .series(FRONTEND_LABELS, T0, "NaN", T1, 0, PEAK, 0.2, T3, 0.25))
                .metrics("latencies/0.5", FakeJaeger.family("service_latencies")
                        .series(FRONTEND_LABELS, T0, "NaN", T1, 25.0, PEAK, 35.0, T3, "NaN"))
                .metrics("latencies/0.95", FakeJaeger.family("service_latencies")
                        .series(FRONTEND_LABELS, T0, "NaN", T1, 600.0, PEAK, 760.0, T3, "NaN"));
    }

    private List<CheckResult> check(RedExpectations expected, StackModel model) {
        PrometheusClient promClient = new PrometheusClient(prometheusServer.url("/").toString(), http);
        JaegerQueryClient jaegerClient = new JaegerQueryClient(jaegerServer.url("/").toString(), http);
        return new SpmChecks(jaegerClient, promClient, expected).check(sent, Instant.now().minusSeconds(60), TIMEOUT, new Diagnosis(model, promClient));
    }

    private List<CheckResult> check() {
        return check(EXPECTED, MODEL);
    }

    private static CheckResult named(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " among " + results.stream().map(CheckResult::name).toList()));
    }

    @Test
    void aConsistentSpmPassesEveryCheck() {
        List<CheckResult> results = check();

        assertThat(results).extracting(CheckResult::name).containsExactly(
                "jaeger SPM calls: " + FRONTEND, "jaeger SPM calls = Prometheus: " + FRONTEND, "jaeger SPM error rate: " + FRONTEND,
                "jaeger SPM p50 latency: " + FRONTEND, "jaeger SPM p95 latency: " + FRONTEND, "jaeger SPM operations: " + FRONTEND);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.PASS));
        assertThat(named(results, "jaeger SPM calls: " + FRONTEND).observed()).startsWith("0.4000/s (24.0 calls");
        assertThat(named(results, "jaeger SPM p50 latency: " + FRONTEND).expected()).contains("(10, 50]", "30.0 ms");
        assertThat(prometheus.queries()).contains(ORACLE);
        // every SPM query asks for server spans of the service over a 1 m rate
        assertThat(jaeger.requests()).allSatisfy(url -> {
            assertThat(url.queryParameter("service")).isEqualTo(FRONTEND);
            assertThat(url.queryParameter("ratePer")).isEqualTo("60000");
            assertThat(url.queryParameter("spanKind")).isEqualTo("server");
        });
    }

    @Test
    void aCallRateBelowTheMainWaveFails() {
        jaeger.metrics("calls", FakeJaeger.family("service_call_rate").series(FRONTEND_LABELS, T1, 0.1, PEAK, 0.3));

        CheckResult calls = named(check(), "jaeger SPM calls: " + FRONTEND);

        assertThat(calls.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(calls.expected()).startsWith("0.3333–0.7700/s").contains("20 calls in the main wave, 2 before it");
        assertThat(calls.observed()).startsWith("0.3000/s");
    }

    @Test
    void jaegerDifferingFromPrometheusFailsTheOracle() {
        prometheus.answer(ORACLE, FRONTEND_LABELS, 0.35);

        CheckResult oracle = named(check(), "jaeger SPM calls = Prometheus: " + FRONTEND);

        assertThat(oracle.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(oracle.expected()).startsWith("0.350000/s");
        assertThat(oracle.observed()).isEqualTo("0.400000/s");
        assertThat(oracle.message()).contains(ORACLE);
    }

    @Test
    void anEmptySpmNamesWhatJaegerQueriesAndWhatPrometheusHolds() {
        StackModel model = Step06.bundled().replace("backend.yaml",
                "            - name: PROMETHEUS_QUERY_NORMALIZE_CALLS\n              value: \"true\"\n", "").model();
        RedExpectations expected = RedExpectations.of(model);
        jaeger.metrics("calls", FakeJaeger.family("service_call_rate"));

        List<CheckResult> results = check(expected, model);

        assertThat(results).hasSize(1);
        CheckResult calls = results.get(0);
        assertThat(calls.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(calls.observed()).startsWith("no data after");
        assertThat(calls.message()).contains("metrics: []", "Jaeger queries calls (", "Prometheus holds calls_total",
                "[metric-names]");
    }

    @Test
    void anEmptySpmOverAnEmptyPrometheusDoesNotClaimPrometheusHoldsTheNames() {
        prometheus.remove(s -> true);
        jaeger.metrics("calls", FakeJaeger.family("service_call_rate"));

        CheckResult calls = check().get(0);

        assertThat(calls.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(calls.message()).contains("Jaeger queries calls_total").doesNotContain("Prometheus holds calls_total");
    }

    @Test
    void onlyNaNIsNoData() {
        jaeger.metrics("calls", FakeJaeger.family("service_call_rate").series(FRONTEND_LABELS, T0, "NaN", T1, "NaN"));

        CheckResult calls = check().get(0);

        assertThat(calls.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(calls.observed()).startsWith("no data");
    }

    @Test
    void http501SaysSpmIsDisabled() {
        jaeger.metrics("calls", new MockResponse.Builder().code(501).setHeader("Content-Type", "text/plain; charset=utf-8")
                .body("{\"data\":null,\"total\":0,\"limit\":0,\"offset\":0,\"errors\":[{\"code\":501,\"msg\":\"metrics querying is currently disabled\"}]}\n")
                .build());

        List<CheckResult> results = check();

        assertThat(results).hasSize(1);
        assertThat(results.get(0).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(results.get(0).message()).contains("501", "metrics querying is currently disabled", "SPM is disabled",
                "METRICS_STORAGE_TYPE");
    }

    @Test
    void errorRatesWithinTheExtrapolationBoundsPass() {
        for (double rate : new double[] {4.0 / 22, 0.2, 0.25}) {
            jaeger.metrics("errors", FakeJaeger.family("service_error_rate").series(FRONTEND_LABELS, T1, 0.5, PEAK, rate));

            CheckResult errors = named(check(), "jaeger SPM error rate: " + FRONTEND);

            assertThat(errors.status()).as("error rate %s", rate).isEqualTo(CheckStatus.PASS);
            assertThat(errors.expected()).startsWith("0.2000 (4 of 20 server spans failed; 0.1818–0.2500");
        }
    }

    @Test
    void errorRatesOutsideTheExtrapolationBoundsFail() {
        for (double rate : new double[] {0.17, 0.26, 0}) {
            jaeger.metrics("errors", FakeJaeger.family("service_error_rate").series(FRONTEND_LABELS, PEAK, rate));

            CheckResult errors = named(check(), "jaeger SPM error rate: " + FRONTEND);

            assertThat(errors.status()).as("error rate %s", rate).isEqualTo(CheckStatus.FAIL);
            assertThat(errors.message()).contains("status_code");
        }
    }

    @Test
    void anErrorRateWithoutAPointWhereTheCallRatePeaksFails() {
        jaeger.metrics("errors", FakeJaeger.family("service_error_rate").series(FRONTEND_LABELS, T1, 0.2, PEAK, "NaN"));

        CheckResult errors = named(check(), "jaeger SPM error rate: " + FRONTEND);

        assertThat(errors.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(errors.observed()).isEqualTo("no point at " + PEAK);
    }

    @Test
    void aLatencyOutsideTheBucketOfTheTrueQuantileFails() {
        jaeger.metrics("latencies/0.5", FakeJaeger.family("service_latencies").series(FRONTEND_LABELS, T1, 35.0, PEAK, 120.0));

        CheckResult p50 = named(check(), "jaeger SPM p50 latency: " + FRONTEND);

        assertThat(p50.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(p50.observed()).isEqualTo("120.0 ms");
        assertThat(p50.message()).contains("unit");
    }

    @Test
    void aLatencyOnTheBucketsUpperBoundPasses() {
        jaeger.metrics("latencies/0.5", FakeJaeger.family("service_latencies").series(FRONTEND_LABELS, PEAK, 50.0));

        assertThat(named(check(), "jaeger SPM p50 latency: " + FRONTEND).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void latenciesInSecondsAreComparedInMilliseconds() {
        StackModel model = Step06.bundled().replace("collector.yaml", "      spanmetrics:\n",
                "      spanmetrics:\n        histogram:\n          unit: s\n").model();
        RedExpectations seconds = RedExpectations.of(model);
        jaeger.metrics("latencies/0.5", FakeJaeger.family("service_latencies").series(FRONTEND_LABELS, PEAK, 0.035));

        CheckResult p50 = named(check(seconds, model), "jaeger SPM p50 latency: " + FRONTEND);

        assertThat(p50.status()).isEqualTo(CheckStatus.PASS);
        assertThat(p50.observed()).isEqualTo("35.0 ms");
    }

    @Test
    void operationsMustBeExactlyTheServerOperationsSent() {
        jaeger.metrics("calls/grouped", FakeJaeger.family("service_operation_call_rate")
                .series(Map.of("service_name", FRONTEND, "operation", "GET /"), PEAK, 0.3)
                .series(Map.of("service_name", FRONTEND, "operation", "GET /health"), PEAK, 0.1));

        CheckResult operations = named(check(), "jaeger SPM operations: " + FRONTEND);

        assertThat(operations.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(operations.expected()).isEqualTo("[GET /]");
        assertThat(operations.observed()).isEqualTo("[GET /, GET /health]");
    }

    @Test
    void operationsUnderJaeger158sSpanNameLabelStillCount() {
        jaeger.metrics("calls/grouped", FakeJaeger.family("service_operation_call_rate")
                .series(Map.of("service_name", FRONTEND, "span_name", "GET /"), PEAK, 0.4));

        assertThat(named(check(), "jaeger SPM operations: " + FRONTEND).status()).isEqualTo(CheckStatus.PASS);
    }
}
