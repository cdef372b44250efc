package org.oteltutorial.harness.query;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockWebServerExtension.class)
class PrometheusClientMetadataTest {

    private static PrometheusClient client(MockWebServer server) {
        return new PrometheusClient(server.url("/").toString(), Fixtures.httpClient());
    }

    @Test
    void metricNamesComeFromTheNameLabelValues(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "prometheus/label-values.json"));

        List<String> names = client(server).labelValues("__name__", List.of());

        assertThat(names).contains("calls_total", "duration_milliseconds_bucket").hasSize(6);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/label/__name__/values");
        assertThat(request.getUrl().query()).isNull();
    }

    @Test
    void labelValueMatchersArePercentEncodedSoThatPlusSurvives(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "prometheus/label-values.json"));
        List<String> matchers = List.of("{__name__=~\"calls_total|duration_.+\"}", "up{job=\"a b&c\"}");

        client(server).labelValues("service_name", matchers);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/label/service_name/values");
        String rawQuery = request.getUrl().encodedQuery();
        assertThat(rawQuery).startsWith("match%5B%5D=").doesNotContain("+");
        assertThat(Fixtures.decodeForm(rawQuery))
                .containsExactly(entry("match[]", matchers.get(0)), entry("match[]", matchers.get(1)));
    }

    @Test
    void seriesPostsRepeatedMatchersInOrderWithTheTimeRange(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "prometheus/series.json"));

        List<Map<String, String>> series = client(server).series(
                List.of("calls_total{span_kind=\"SPAN_KIND_SERVER\"}", "duration_milliseconds_count"),
                Instant.ofEpochSecond(1714057200), Instant.ofEpochSecond(1714060800, 1_000_000));

        assertThat(series).hasSize(2);
        assertThat(series.get(0)).containsEntry("span_name", "/rolldice").containsEntry("job", "backend1");
        assertThat(series.get(1)).containsEntry("span_kind", "SPAN_KIND_CLIENT");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/series");
        assertThat(Fixtures.decodeForm(request.getBody().utf8())).containsExactly(
                entry("match[]", "calls_total{span_kind=\"SPAN_KIND_SERVER\"}"),
                entry("match[]", "duration_milliseconds_count"),
                entry("start", "1714057200"),
                entry("end", "1714060800.001"));
    }

    @Test
    void seriesWithoutMatchersIsRefusedBeforeAnyRequest(MockWebServer server) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client(server).series(List.of(), Instant.EPOCH, Instant.EPOCH))
                .withMessageContaining("match[]");
        assertThat(server.getRequestCount()).isZero();
    }
}
