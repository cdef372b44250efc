package org.oteltutorial.harness.query;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(MockWebServerExtension.class)
class JaegerQueryClientMetricsTest {

    private static final Instant T0 = Instant.parse("2024-04-25T16:00:00Z");

    private static JaegerQueryClient client(MockWebServer server) {
        return new JaegerQueryClient(server.url("/").toString(), Fixtures.httpClient());
    }

    @Test
    void callsWithDefaultsSendsEveryParameterExplicitlyInMilliseconds(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "jaeger/calls.json"));

        client(server).calls(MetricsQuery.forServices("backend2", "frontend"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/metrics/calls");
        assertThat(Fixtures.decodeForm(request.getUrl().encodedQuery())).containsExactly(
                entry("service", "backend2"), entry("service", "frontend"), entry("groupByOperation", "false"),
                entry("lookback", "3600000"), entry("step", "5000"), entry("ratePer", "600000"),
                entry("spanKind", "server"));
    }

    @Test
    void customQuerySendsEndRepeatedSpanKindsAndGrouping(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "jaeger/calls-by-operation.json"));
        MetricsQuery query = MetricsQuery.forServices("backend2")
                .groupByOperation(true)
                .endTs(Instant.ofEpochMilli(1714060800123L))
                .lookback(Duration.ofMinutes(15))
                .step(Duration.ofSeconds(15))
                .ratePer(Duration.ofMinutes(1))
                .spanKinds(JaegerSpanKind.SERVER, JaegerSpanKind.CLIENT);

        client(server).calls(query);

        assertThat(Fixtures.decodeForm(server.takeRequest().getUrl().encodedQuery())).containsExactly(
                entry("service", "backend2"), entry("groupByOperation", "true"), entry("endTs", "1714060800123"),
                entry("lookback", "900000"), entry("step", "15000"), entry("ratePer", "60000"),
                entry("spanKind", "server"), entry("spanKind", "client"));
    }

    @Test
    void callRateFamilyParsesNumbersZeroAndWholeSecondTimestamps(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "jaeger/calls.json"));

        MetricFamily family = client(server).calls(MetricsQuery.forServices("backend2", "frontend"));

        assertThat(family.name()).isEqualTo("service_call_rate");
        assertThat(family.type()).isEqualTo("GAUGE");
        assertThat(family.help()).isEqualTo("calls/sec, grouped by service");
        assertThat(family.metrics()).extracting(Metric::service).containsExactly("backend2", "frontend");
        Metric backend = family.forService("backend2").orElseThrow();
        assertThat(backend.operation()).isEmpty();
        assertThat(backend.points()).containsExactly(
                new MetricPoint(T0, 0.005846808321083344),
                new MetricPoint(T0.plusSeconds(5), 0.0),
                new MetricPoint(T0.plusSeconds(10), 0.0015));
        assertThat(family.forService("frontend").orElseThrow().lastFinite()).contains(new MetricPoint(T0, 2.0));
    }

    @Test
    void operationLabelAndFractionalTimestampsOf3And9Digits(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "jaeger/calls-by-operation.json"));

        MetricFamily family = client(server).calls(MetricsQuery.forServices("backend2", "frontend")
                .groupByOperation(true));

        assertThat(family.name()).isEqualTo("service_operation_call_rate");
        Metric rolldice = family.forOperation("backend2", "GET /rolldice").orElseThrow();
        assertThat(rolldice.labels())
                .containsOnly(entry("service_name", "backend2"), entry("operation", "GET /rolldice"));
        assertThat(rolldice.points()).extracting(MetricPoint::timestamp).containsExactly(
                Instant.parse("2024-04-25T16:00:05Z").plusMillis(123),
                Instant.parse("2024-04-25T16:00:10Z").plusNanos(123_456_789));
        assertThat(family.forOperation("frontend", "GET /")).isPresent();
        assertThat(family.forOperation("frontend", "GET /rolldice")).isEmpty();
    }

    @Test
    void spanNameLabelOfJaeger1580IsTheOperationToo(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "jaeger/calls-by-operation-jaeger-1.58.0.json"));

        MetricFamily family = client(server).calls(MetricsQuery.forServices("backend2").groupByOperation(true));

        assertThat(family.metrics()).singleElement().satisfies(metric -> {
            assertThat(metric.operation()).contains("GET /rolldice");
            assertThat(metric.labels()).containsKey("span_name").doesNotContainKey("operation");
        });
        assertThat(family.forOperation("backend2", "GET /rolldice")).isPresent();
    }

    @Test
    void latenciesSendTheQuantileAndReadNaNAndInfinityStrings(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "jaeger/latencies.json"));

        MetricFamily family = client(server).latencies(MetricsQuery.forServices("backend2"), 0.95);

        assertThat(Fixtures.decodeForm(server.takeRequest().getUrl().encodedQuery()))
                .endsWith(entry("spanKind", "server"), entry("quantile", "0.95"));
        Metric metric = family.metrics().get(0);
        assertThat(family.help()).isEqualTo("0.95th quantile latency, grouped by service");
        assertThat(metric.points()).extracting(MetricPoint::value).containsExactly(
                Double.NaN, 95.0, 187.49999999999997, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(metric.finitePoints()).hasSize(2);
        assertThat(metric.lastFinite()).contains(
                new MetricPoint(Instant.parse("2024-04-25T16:00:10Z").plusNanos(1_000), 187.49999999999997));
        assertThat(metric.points().get(1).timestamp()).isEqualTo(Instant.parse("2024-04-25T16:00:05Z").plusMillis(500));
    }

    @Test
    void quantileOneIsSentAsOne(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "jaeger/latencies.json"));

        client(server).latencies(MetricsQuery.forServices("backend2"), 1.0);

        assertThat(Fixtures.decodeForm(server.takeRequest().getUrl().encodedQuery()))
                .contains(entry("quantile", "1"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.999, 0.0, -0.5, 1.01, Double.NaN})
    void quantilesJaegerWouldChangeOrRejectAreRefusedBeforeAnyRequest(double quantile, MockWebServer server) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client(server).latencies(MetricsQuery.forServices("backend2"), quantile))
                .withMessageContaining("quantile");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void errorRateReadsZerosAndIntValuesAsStringOrNumber(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "jaeger/errors.json"));

        MetricFamily family = client(server).errors(MetricsQuery.forServices("backend1"));

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/metrics/errors");
        assertThat(family.name()).isEqualTo("service_error_rate");
        assertThat(family.forService("backend1").orElseThrow().points())
                .extracting(MetricPoint::value).containsExactly(0.0, 1.0, 0.0, 0.125);
    }

    @Test
    void noMetricsMeansNoData(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "jaeger/empty.json"));

        MetricFamily family = client(server).calls(MetricsQuery.forServices("nobody"));

        assertThat(family.isEmpty()).isTrue();
        assertThat(family.name()).isEqualTo("service_call_rate");
        assertThat(family.forService("nobody")).isEmpty();
    }
}
