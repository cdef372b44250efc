package org.oteltutorial.harness.traffic;

import java.util.List;

/**
 * Spans that did not leave: the export failed or did not finish in time. The message names the endpoint, what was
 * delivered per service, and why not, e.g. {@code spans were not delivered to OTLP/HTTP http://127.0.0.1:4318/v1/traces:
 * frontend-deployment-abc: 0 of 180 spans accepted; ...; cause: java.net.ConnectException: Failed to connect to ...}.
 */
public final class TrafficExportException extends RuntimeException {

  private final OtlpEndpoint endpoint;
  private final List<String> problems;
  private final List<String> causes;

  TrafficExportException(OtlpEndpoint endpoint, List<String> problems, List<String> causes, Throwable cause) {
    super("spans were not delivered to " + endpoint + ": " + String.join("; ", problems)
        + (causes.isEmpty() ? "" : "; cause: " + String.join(" | ", causes)), cause);
    this.endpoint = endpoint;
    this.problems = List.copyOf(problems);
    this.causes = List.copyOf(causes);
  }

  /** The endpoint the spans were sent to. */
  public OtlpEndpoint endpoint() {
    return endpoint;
  }

  /** One line per service whose spans were not all accepted: how many were, and how many are missing where. */
  public List<String> problems() {
    return problems;
  }

  /** The distinct reasons the exports failed, as precisely as the exporter said (the receiver's answer if any). */
  public List<String> causes() {
    return causes;
  }
}
