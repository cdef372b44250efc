package org.oteltutorial.harness.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(MockWebServerExtension.class)
class PrometheusClientErrorTest {

    private static PrometheusClient client(MockWebServer server) {
        return new PrometheusClient(server.url("/").toString(), Fixtures.httpClient());
    }

    @Test
    void badDataCarriesStatusErrorTypeErrorAndQuery(MockWebServer server) {
        server.enqueue(Fixtures.json(400, "prometheus/error-bad-data.json"));

        PrometheusQueryException e = assertThrows(PrometheusQueryException.class,
                () -> client(server).query("sum(rate(calls_total[1m])"));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorType()).isEqualTo("bad_data");
        assertThat(e.error()).isEqualTo("invalid parameter \"query\": 1:6: parse error: unclosed left parenthesis");
        assertThat(e.query()).isEqualTo("sum(rate(calls_total[1m])");
        assertThat(e.isConnectionFailure()).isFalse();
        assertThat(e.url()).isEqualTo(server.url("/api/v1/query").toString());
        assertThat(e.getMessage()).contains(server.url("/api/v1/query").toString(), "HTTP 400 bad_data",
                "`sum(rate(calls_total[1m])`", "unclosed left parenthesis");
    }

    @Test
    void nonJsonErrorBodyBecomesTheErrorText(MockWebServer server) {
        server.enqueue(Fixtures.plainText(404, "404 page not found\n"));

        PrometheusQueryException e = assertThrows(PrometheusQueryException.class,
                () -> client(server).labelValues("__name__", List.of()));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorType()).isEmpty();
        assertThat(e.error()).isEqualTo("404 page not found");
        assertThat(e.getMessage()).contains("/api/v1/label/__name__/values", "HTTP 404");
    }

    @Test
    void successfulStatusWithoutAnEnvelopeIsMalformed(MockWebServer server) {
        server.enqueue(Fixtures.response(200, "text/html", "<html>Grafana login</html>"));

        PrometheusQueryException e = assertThrows(PrometheusQueryException.class, () -> client(server).query("up"));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.getMessage()).contains("unexpected response", "not a JSON object", "<html>Grafana login</html>");
    }

    @Test
    void envelopeWithoutDataIsMalformed(MockWebServer server) {
        server.enqueue(Fixtures.response(200, "application/json", "{\"status\":\"success\"}"));

        PrometheusQueryException e = assertThrows(PrometheusQueryException.class, () -> client(server).query("up"));

        assertThat(e.getMessage()).contains("missing field 'data'");
    }

    static Stream<Arguments> everyCall() {
        return Stream.of(
                Arguments.of("query", (ClientCall) c -> c.query("up")),
                Arguments.of("label/__name__/values", (ClientCall) c -> c.labelValues("__name__", List.of())),
                Arguments.of("series", (ClientCall) c -> c.series(List.of("up"), Instant.EPOCH, Instant.EPOCH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCall")
    void connectionFailureNamesTheUrlAndKeepsTheCause(String endpoint, ClientCall call) {
        String baseUrl = Fixtures.refusingUrl();
        PrometheusClient client = new PrometheusClient(baseUrl, Fixtures.httpClient());

        PrometheusQueryException e = assertThrows(PrometheusQueryException.class, call.on(client));

        assertThat(e.isConnectionFailure()).isTrue();
        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).startsWith("Cannot reach Prometheus at " + baseUrl + "/api/v1/" + endpoint);
        assertThat(e.getCause()).isInstanceOf(IOException.class);
    }

    @FunctionalInterface
    interface ClientCall {
        void call(PrometheusClient client);

        default Executable on(PrometheusClient client) {
            return () -> call(client);
        }
    }
}
