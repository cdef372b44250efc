package org.oteltutorial.harness.query;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockWebServerExtension.class)
class JaegerQueryClientSearchTest {

    private static final Instant NOW = Instant.parse("2024-04-25T16:00:00.123456Z");

    private static JaegerQueryClient client(MockWebServer server) {
        return new JaegerQueryClient(server.url("/").toString(), Fixtures.httpClient(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void servicesAreTheDataList(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "jaeger/services.json"));

        assertThat(client(server).services()).containsExactly("backend1", "backend2", "frontend", "jaeger-all-in-one");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api/services");
    }

    @Test
    void noServicesMayComeAsNullData(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "jaeger/services-none.json"));

        assertThat(client(server).services()).isEmpty();
    }

    @Test
    void traceSearchSendsAMicrosecondWindowEndingNowByDefault(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "jaeger/traces.json"));

        client(server).traces(TraceQuery.forService("backend2").operation("GET /rolldice")
                .tag("error", "true").tag("http.status_code", "500")
                .lookback(Duration.ofMinutes(15)).limit(20));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/traces");
        assertThat(Fixtures.decodeForm(request.getUrl().encodedQuery())).containsExactly(
                entry("service", "backend2"), entry("operation", "GET /rolldice"),
                entry("tag", "error:true"), entry("tag", "http.status_code:500"),
                entry("start", "1714059900123456"), entry("end", "1714060800123456"),
                entry("lookback", "15m"), entry("limit", "20"));
    }

    @Test
    void traceSearchWithAnExplicitEndAndDefaults(MockWebServer server) throws Exception {
        server.enqueue(Fixtures.json(200, "jaeger/traces.json"));

        client(server).traces(TraceQuery.forService("frontend").end(Instant.ofEpochSecond(1714060800)));

        assertThat(Fixtures.decodeForm(server.takeRequest().getUrl().encodedQuery())).containsExactly(
                entry("service", "frontend"), entry("start", "1714057200000000"), entry("end", "1714060800000000"),
                entry("lookback", "1h"), entry("limit", "100"));
    }

    @Test
    void tracesResolveServicesTagsReferencesAndTimes(MockWebServer server) {
        server.enqueue(Fixtures.json(200, "jaeger/traces.json"));

        List<JaegerTrace> traces = client(server).traces(TraceQuery.forService("backend2"));

        assertThat(traces).extracting(JaegerTrace::traceId)
                .containsExactly("5b8efff798038103d269b633813fc60c", "0af7651916cd43dd8448eb211c80319c");
        JaegerTrace failed = traces.get(0);
        assertThat(failed.services()).containsExactly("backend2", "frontend");
        assertThat(failed.hasError()).isTrue();
        assertThat(failed.duration()).isEqualTo(Duration.ofNanos(9_000_000));

        JaegerSpan server2 = failed.spansOf("backend2").get(0);
        assertThat(server2.spanId()).isEqualTo("eee19b7ec3c1b174");
        assertThat(server2.operation()).isEqualTo("GET /rolldice");
        assertThat(server2.start()).isEqualTo(Instant.ofEpochSecond(1714060800, 123_456_000));
        assertThat(server2.duration()).isEqualTo(Duration.ofNanos(1_500_000));
        assertThat(server2.parentSpanIds()).containsExactly("eee19b7ec3c1b173");
        assertThat(server2.kind()).contains("server");
        assertThat(server2.tags()).containsEntry("http.status_code", 500L)
                .containsEntry("error", Boolean.TRUE)
                .containsEntry("sampling.ratio", 0.25)
                .containsEntry("otel.status_code", "ERROR");
        assertThat(server2.hasError()).isTrue();

        JaegerSpan root = failed.root().orElseThrow();
        assertThat(root.service()).isEqualTo("frontend");
        assertThat(root.operation()).isEqualTo("GET /");
        assertThat(root.hasError()).isFalse();

        JaegerTrace ok = traces.get(1);
        assertThat(ok.hasError()).isFalse();
        assertThat(ok.root().map(JaegerSpan::spanId)).contains("b7ad6b7169203331");
        assertThat(ok.duration()).isEqualTo(Duration.ofMillis(2));
    }
}
