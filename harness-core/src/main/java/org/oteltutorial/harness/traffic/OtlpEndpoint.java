package org.oteltutorial.harness.traffic;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where spans go: an OTLP/gRPC receiver at {@code host:port}, or an OTLP/HTTP (protobuf) receiver at a URL.
 *
 * @param protocol the OTLP transport
 * @param uri for gRPC {@code http://host:port}; for HTTP the full traces URL, e.g. {@code http://host:4318/v1/traces}
 */
public record OtlpEndpoint(Protocol protocol, URI uri) {

  /** The OTLP transports the generator can use. */
  public enum Protocol {
    GRPC,
    HTTP_PROTOBUF
  }

  /** The path of the OTLP/HTTP traces endpoint. */
  public static final String TRACES_PATH = "/v1/traces";

  public OtlpEndpoint {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(uri, "uri");
    if (uri.getHost() == null || uri.getPort() == -1) {
      throw new IllegalArgumentException("OTLP endpoint " + uri + " needs a host and a port");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("OTLP endpoint " + uri + " must be http or https");
    }
  }

  /** An OTLP/gRPC receiver at {@code host:port}, e.g. {@code localhost:4317}, without TLS. */
  public static OtlpEndpoint grpc(String hostPort) {
    Objects.requireNonNull(hostPort, "hostPort");
    if (hostPort.contains("/")) {
      throw new IllegalArgumentException("an OTLP/gRPC endpoint is host:port, was '" + hostPort + "'");
    }
    return new OtlpEndpoint(Protocol.GRPC, toUri("http://" + hostPort));
  }

  /** An OTLP/gRPC receiver at {@code host} and {@code port}, without TLS. */
  public static OtlpEndpoint grpc(String host, int port) {
    String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return grpc(literal + ":" + port);
  }

  /**
   * An OTLP/HTTP receiver. A URL without a path, e.g. {@code http://localhost:4318}, gets {@value #TRACES_PATH}
   * appended; a URL with a path is used as given.
   */
  public static OtlpEndpoint http(String url) {
    URI uri = toUri(Objects.requireNonNull(url, "url"));
    String path = uri.getRawPath();
    if (path == null || path.isEmpty() || "/".equals(path)) {
      uri = uri.resolve(TRACES_PATH);
    }
    return new OtlpEndpoint(Protocol.HTTP_PROTOBUF, uri);
  }

  /**
   * An endpoint from text: a URL ({@code http://host:4318[/v1/traces]}) is OTLP/HTTP, a bare {@code host:port} is
   * OTLP/gRPC.
   */
  public static OtlpEndpoint parse(String endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return endpoint.contains("://") ? http(endpoint.strip()) : grpc(endpoint.strip());
  }

  /** The endpoint string the OpenTelemetry exporter builders take. */
  public String exporterEndpoint() {
    return uri.toString();
  }

  @Override
  public String toString() {
    return protocol == Protocol.GRPC
        ? "OTLP/gRPC " + uri.getRawAuthority()
        : "OTLP/HTTP " + uri;
  }

  private static URI toUri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid OTLP endpoint: '" + text + "': " + e.getMessage(), e);
    }
  }
}
