package org.oteltutorial.harness.traffic;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.Comparator;
import java.util.Objects;

/**
 * What the spanmetrics connector keys its series by: service, span name, span kind and status code, with kind and
 * status in the connector's spelling ({@code SPAN_KIND_SERVER}, {@code STATUS_CODE_ERROR}), which is what the
 * Prometheus labels hold.
 *
 * @param service the service name as sent (with the run id)
 * @param spanName the span name
 * @param kind {@code SPAN_KIND_SERVER}, {@code SPAN_KIND_CLIENT}, {@code SPAN_KIND_INTERNAL}, ...
 * @param status {@code STATUS_CODE_UNSET}, {@code STATUS_CODE_OK} or {@code STATUS_CODE_ERROR}
 */
public record SpanKey(String service, String spanName, String kind, String status) implements Comparable<SpanKey> {

  private static final Comparator<SpanKey> ORDER = Comparator.comparing(SpanKey::service)
      .thenComparing(SpanKey::spanName)
      .thenComparing(SpanKey::kind)
      .thenComparing(SpanKey::status);

  public SpanKey {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(spanName, "spanName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
  }

  /** A key from the OpenTelemetry API's kind and status. */
  public static SpanKey of(String service, String spanName, SpanKind kind, StatusCode status) {
    return new SpanKey(service, spanName, kindName(kind), statusName(status));
  }

  /** The connector's spelling of a span kind: {@code SPAN_KIND_SERVER}. */
  public static String kindName(SpanKind kind) {
    return "SPAN_KIND_" + kind.name();
  }

  /** The connector's spelling of a status code: {@code STATUS_CODE_ERROR}. */
  public static String statusName(StatusCode status) {
    return "STATUS_CODE_" + status.name();
  }

  public boolean isServer() {
    return kindName(SpanKind.SERVER).equals(kind);
  }

  public boolean isError() {
    return statusName(StatusCode.ERROR).equals(status);
  }

  @Override
  public int compareTo(SpanKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return service + " '" + spanName + "' " + kind + " " + status;
  }
}
