package org.oteltutorial.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OtlpEndpointTest {

  @Test
  void hostAndPortIsGrpc() {
    OtlpEndpoint endpoint = OtlpEndpoint.parse("localhost:4317");

    assertThat(endpoint.protocol()).isEqualTo(OtlpEndpoint.Protocol.GRPC);
    assertThat(endpoint.exporterEndpoint()).isEqualTo("http://localhost:4317");
    assertThat(endpoint).hasToString("OTLP/gRPC localhost:4317");
    assertThat(OtlpEndpoint.grpc("::1", 4317).exporterEndpoint()).isEqualTo("http://[::1]:4317");
  }

  @Test
  void urlIsHttpWithTheTracesPath() {
    assertThat(OtlpEndpoint.parse("http://collector:4318").exporterEndpoint())
        .isEqualTo("http://collector:4318/v1/traces");
    assertThat(OtlpEndpoint.parse("http://collector:4318/").exporterEndpoint())
        .isEqualTo("http://collector:4318/v1/traces");
    assertThat(OtlpEndpoint.parse("https://collector:443/otlp/v1/traces").exporterEndpoint())
        .isEqualTo("https://collector:443/otlp/v1/traces");
    assertThat(OtlpEndpoint.parse("http://collector:4318"))
        .hasToString("OTLP/HTTP http://collector:4318/v1/traces")
        .extracting(OtlpEndpoint::protocol).isEqualTo(OtlpEndpoint.Protocol.HTTP_PROTOBUF);
  }

  @Test
  void incompleteEndpointsAreRejected() {
    assertThatThrownBy(() -> OtlpEndpoint.parse("localhost"))
        .hasMessage("OTLP endpoint http://localhost needs a host and a port");
    assertThatThrownBy(() -> OtlpEndpoint.parse("ftp://collector:21"))
        .hasMessage("OTLP endpoint ftp://collector:21/v1/traces must be http or https");
    assertThatThrownBy(() -> OtlpEndpoint.grpc("collector:4317/v1"))
        .hasMessageContaining("an OTLP/gRPC endpoint is host:port");
  }
}
