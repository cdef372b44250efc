package org.oteltutorial.harness.query;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockWebServerExtension.class)
class PrometheusClientQueryTest {

    private static final String PROMQL =
            "sum by (span_name) (rate(calls_total{service_name=~\"backend2|frontend\"}[1m])) + 0 * up{job=\"a&b\"}";

    private static PrometheusClient client(MockWebServer server) {
        return new PrometheusClient(server.url("/").toString(), Fixtures.httpClient());
    }

    @Test
    void instantQueryIsAFormPostWithTheExactPromqlAndTime(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "prometheus/vector.json"));

        client(server).query(PROMQL, Instant.ofEpochSecond(1714060800, 781_000_000));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/query");
        assertThat(request.getUrl().query()).isNull();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(Fixtures.decodeForm(request.getBody().utf8()))
                .containsExactly(entry("query", PROMQL), entry("time", "1714060800.781"));
    }

    @Test
    void instantQueryWithoutTimeLeavesTheTimeToPrometheus(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "prometheus/vector-empty.json"));

        client(server).query("up");

        assertThat(Fixtures.decodeForm(server.takeRequest().getBody().utf8())).containsExactly(entry("query", "up"));
    }

    @Test
    void vectorSamplesKeepLabelsValuesAndExactTimestamps(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "prometheus/vector.json"));

        InstantVector vector = client(server).query("calls_total");

        assertThat(vector.samples()).hasSize(3);
        Sample first = vector.samples().get(0);
        assertThat(first.metricName()).isEqualTo("calls_total");
        assertThat(first.labels()).containsEntry("service_name", "backend2")
                .containsEntry("span_name", "GET /rolldice")
                .containsEntry("status_code", "STATUS_CODE_UNSET")
                .hasSize(6);
        assertThat(first.value()).isEqualTo(42.0);
        assertThat(first.timestamp()).isEqualTo(Instant.ofEpochSecond(1714060800, 781_000_000));
        assertThat(vector.sum()).isEqualTo(49.5);
        assertThat(vector.sumBy("status_code"))
                .containsExactly(entry("STATUS_CODE_ERROR", 7.0), entry("STATUS_CODE_UNSET", 42.5));
        assertThat(vector.warnings()).isEmpty();
    }

    @Test
    void specialValuesAndTimestampsParseExactly(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "prometheus/vector-special-values.json"));

        Map<String, Sample> byService = client(server).query("x").samples().stream()
                .collect(Collectors.toMap(s -> s.labels().get("service_name"), s -> s));

        assertThat(byService.get("nan").value()).isNaN();
        assertThat(byService.get("nan").timestamp()).isEqualTo(Instant.ofEpochSecond(1714060800));
        assertThat(byService.get("plus-inf").value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(byService.get("plus-inf").timestamp()).isEqualTo(Instant.ofEpochSecond(1714060800, 500_000_000));
        assertThat(byService.get("minus-inf").value()).isEqualTo(Double.NEGATIVE_INFINITY);
        // 1714060800.001 has no exact double: (d - floor(d)) * 1e9 on the double would give 999_927 ns
        assertThat(byService.get("minus-inf").timestamp()).isEqualTo(Instant.ofEpochSecond(1714060800, 1_000_000));
        assertThat(byService.get("tiny").value()).isEqualTo(1e-05);
        assertThat(byService.get("shortest").value()).isEqualTo(0.1);
        assertThat(byService.get("shortest").timestamp()).isEqualTo(Instant.ofEpochSecond(1714060800, 123_000_000));
    }

    @Test
    void emptyVectorHasNoSingleSample(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "prometheus/vector-empty.json"));

        InstantVector vector = client(server).query("calls_total{service_name=\"nobody\"}");

        assertThat(vector.isEmpty()).isTrue();
        assertThat(vector.sum()).isZero();
        assertThatIllegalStateException().isThrownBy(vector::single)
                .withMessageContaining("expected exactly one sample but got 0");
    }

    @Test
    void scalarResultIsOneSampleWithoutLabels(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "prometheus/scalar.json"));

        Sample sample = client(server).query("scalar(sum(up))").single();

        assertThat(sample.labels()).isEmpty();
        assertThat(sample.value()).isEqualTo(3.0);
        assertThat(sample.timestamp()).isEqualTo(Instant.ofEpochSecond(1714060800, 500_000_000));
    }

    @Test
    void stringResultIsNotAVector(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "prometheus/string.json"));

        PrometheusQueryException e = assertThrows(PrometheusQueryException.class,
                () -> client(server).query("\"hello\""));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.getMessage()).contains("resultType 'string' is not an instant vector", "`\"hello\"`");
    }

    @Test
    void nativeHistogramSamplesAreRefusedWithAReason(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "prometheus/vector-native-histogram.json"));

        PrometheusQueryException e = assertThrows(PrometheusQueryException.class,
                () -> client(server).query("duration_milliseconds"));

        assertThat(e.getMessage()).contains("native histogram samples are not supported", "_bucket");
    }

    @Test
    void warningsAndInfosFromTheEnvelopeAreKept(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "prometheus/warnings.json"));

        InstantVector vector = client(server).query("calls");

        assertThat(vector.single().value()).isEqualTo(1.0);
        assertThat(vector.warnings()).singleElement().asString().contains("mix of histograms and floats");
        assertThat(vector.infos()).singleElement().asString().contains("metric might not be a counter");
    }

    @Test
    void pathPrefixOfTheBaseUrlIsKept(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "prometheus/vector-empty.json"));
        PrometheusClient client = new PrometheusClient(server.url("/prometheus/").toString(), Fixtures.httpClient());

        client.query("up");

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/prometheus/api/v1/query");
    }
}
