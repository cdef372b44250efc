package org.oteltutorial.harness.stack;

import java.net.URI;
import java.util.Optional;

/**
 * Where the harness reaches a running stack from this machine.
 *
 * @param collectorOtlpGrpc {@code host:port} of the collector's OTLP/gRPC receiver
 * @param collectorOtlpHttp base URL of its OTLP/HTTP receiver (without {@code /v1/traces})
 * @param prometheus the Prometheus HTTP API base URL
 * @param jaegerQuery the Jaeger query (UI/API) base URL
 * @param frontend the demo app's frontend, where the app runs
 */
public record StackEndpoints(String collectorOtlpGrpc, URI collectorOtlpHttp, URI prometheus, URI jaegerQuery,
        Optional<URI> frontend) {
}
