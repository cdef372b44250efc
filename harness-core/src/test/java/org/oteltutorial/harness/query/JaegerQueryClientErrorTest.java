package org.oteltutorial.harness.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockWebServerExtension.class)
class JaegerQueryClientErrorTest {

    private static final MetricsQuery QUERY = MetricsQuery.forServices("backend2");

    private static JaegerQueryClient client(MockWebServer server) {
        return new JaegerQueryClient(server.url("/").toString(), Fixtures.httpClient());
    }

    @Test
    void badParametersAre400WithJaegersErrorList(MockWebServer server) {
        server.enqueue(Fixtures.plainText(400, Fixtures.read("jaeger/error-400.json")));

        JaegerQueryException e = assertThrows(JaegerQueryException.class, () -> client(server).calls(QUERY));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.isMetricsDisabled()).isFalse();
        assertThat(e.errors()).containsExactly(new JaegerError(400,
                "unable to parse param 'quantile': strconv.ParseFloat: parsing \"\": invalid syntax"));
        assertThat(e.url()).startsWith(server.url("/api/metrics/calls").toString() + "?service=backend2");
        assertThat(e.getMessage()).contains("HTTP 400", "unable to parse param 'quantile'");
    }

    @Test
    void prometheusFailureIs500(MockWebServer server) {
        server.enqueue(Fixtures.plainText(500, Fixtures.read("jaeger/error-500.json")));

        JaegerQueryException e = assertThrows(JaegerQueryException.class,
                () -> client(server).latencies(QUERY, 0.95));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.isMetricsDisabled()).isFalse();
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(500);
            assertThat(error.msg()).startsWith("failed executing metrics query: ").contains("connection refused");
        });
    }

    @Test
    void disabledMetricsStorageIs501AndSaysHowToEnableIt(MockWebServer server) {
        server.enqueue(Fixtures.plainText(501, Fixtures.read("jaeger/error-501.json")));

        JaegerQueryException e = assertThrows(JaegerQueryException.class, () -> client(server).errors(QUERY));

        assertThat(e.isMetricsDisabled()).isTrue();
        assertThat(e.status()).isEqualTo(501);
        assertThat(e.errors()).containsExactly(new JaegerError(501, "metrics querying is currently disabled"));
        assertThat(e.getMessage()).contains("metrics querying is currently disabled", "METRICS_STORAGE_TYPE");
    }

    @Test
    void unknownRouteWithoutJsonKeepsTheBodyInTheMessage(MockWebServer server) {
        server.enqueue(Fixtures.plainText(404, "404 page not found\n"));

        JaegerQueryException e = assertThrows(JaegerQueryException.class, () -> client(server).calls(QUERY));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errors()).isEmpty();
        assertThat(e.getMessage()).contains("HTTP 404", "404 page not found");
    }

    @Test
    void successWithAnUnexpectedShapeNamesTheProblem(MockWebServer server) {
        server.enqueue(Fixtures.response(200, "application/json",
                "{\"name\":\"service_call_rate\",\"metrics\":[{\"labels\":[],\"metricPoints\":"
                        + "[{\"gaugeValue\":{\"doubleValue\":1},\"timestamp\":\"yesterday\"}]}]}"));

        JaegerQueryException e = assertThrows(JaegerQueryException.class, () -> client(server).calls(QUERY));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.getMessage()).contains("unexpected response", "timestamp is not RFC 3339: \"yesterday\"");
    }

    @Test
    void connectionFailureNamesTheUrlAndKeepsTheCause() {
        String baseUrl = Fixtures.refusingUrl();
        JaegerQueryClient client = new JaegerQueryClient(baseUrl, Fixtures.httpClient());

        JaegerQueryException e = assertThrows(JaegerQueryException.class, client::services);

        assertThat(e.isConnectionFailure()).isTrue();
        assertThat(e.status()).isZero();
        assertThat(e.isMetricsDisabled()).isFalse();
        assertThat(e.getMessage()).startsWith("Cannot reach Jaeger query at " + baseUrl + "/api/services");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
    }
}
