package org.oteltutorial.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jaeger-collector:4317                        | ''    | jaeger-collector        | 4317 | ''
            0.0.0.0:4318                                 | ''    | 0.0.0.0                 | 4318 | ''
            [::1]:4317                                   | ''    | [::1]                   | 4317 | ''
            http://prometheus.observability-backend      | http  | prometheus.observability-backend | 80 | ''
            HTTP://prometheus:9090/api/v1/otlp/          | http  | prometheus              | 9090 | /api/v1/otlp/
            https://otlp.example.com/v1/traces           | https | otlp.example.com        | 443  | /v1/traces
            http://[fd00::1]:4318                        | http  | [fd00::1]               | 4318 | ''
            """)
    void parsesHostPortAndUrls(String raw, String scheme, String host, int port, String path) {
        Endpoint e = Endpoint.parse(raw);

        assertThat(e.scheme()).isEqualTo(scheme);
        assertThat(e.host()).isEqualTo(host);
        assertThat(e.port()).isEqualTo(OptionalInt.of(port));
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.raw()).isEqualTo(raw);
    }

    @Test
    void aSchemeWithoutKnownPortAndABareHostHaveNoPort() {
        assertThat(Endpoint.parse("grpc://collector").port()).isEmpty();
        assertThat(Endpoint.parse("collector").port()).isEmpty();
    }

    @Test
    void rejectsWhatIsNeitherUrlNorHostPort() {
        assertThatThrownBy(() -> Endpoint.parse("collector:otlp")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not host:port: collector:otlp");
        assertThatThrownBy(() -> Endpoint.parse("http://bad host:80")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a URL: http://bad host:80");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"localhost:9090, true", "127.0.0.1:9090, true", "127.1.2.3:1, true", "[::1]:4317, true", "http://localhost, true",
            "prometheus:9090, false", "10.0.0.1:80, false"})
    void knowsLoopback(String raw, boolean loopback) {
        assertThat(Endpoint.parse(raw).isLoopback()).isEqualTo(loopback);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0.0.0.0:4317, true", ":4317, true", "[::]:4317, true", "localhost:4317, false"})
    void knowsWildcards(String raw, boolean wildcard) {
        assertThat(Endpoint.parse(raw).isWildcard()).isEqualTo(wildcard);
    }

    @Test
    void rewriteKeepsSchemeAndPath() {
        assertThat(Endpoint.parse("http://prometheus.observability-backend/api/v1/otlp/").rewrite("127.0.0.1", 19090))
                .isEqualTo("http://127.0.0.1:19090/api/v1/otlp/");
        assertThat(Endpoint.parse("jaeger-collector:4317").rewrite("127.0.0.1", 14317)).isEqualTo("127.0.0.1:14317");
    }
}
