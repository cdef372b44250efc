package org.oteltutorial.harness.traffic;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One span of the request shape: who emits it, what it is called, how long it takes relative to its parent, whether it
 * fails in an error request, and the spans it causes.
 *
 * @param service the emitting service as the tutorial names it (without the run id)
 * @param name the span name
 * @param kind the span kind
 * @param share this span's share of its parent's duration, in (0, 1]; {@link BigDecimal#ONE} for the root
 * @param fails whether this span ends with status ERROR when the request is an error request
 * @param attributes attributes set on every instance of this span
 * @param errorAttributes attributes that replace or add to {@code attributes} when this span fails
 * @param children the spans this one causes, in the order they start; their shares add up to at most 1
 */
public record SpanTemplate(
    String service,
    String name,
    SpanKind kind,
    BigDecimal share,
    boolean fails,
    Attributes attributes,
    Attributes errorAttributes,
    List<SpanTemplate> children) {

  public SpanTemplate {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(errorAttributes, "errorAttributes");
    if (service.isBlank()) {
      throw new IllegalArgumentException("a span needs a service");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("span of " + service + " needs a name");
    }
    if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "span '" + name + "' of " + service + ": share " + share.toPlainString() + " is outside (0, 1]");
    }
    share = share.stripTrailingZeros();
    children = List.copyOf(children);
    BigDecimal sum = children.stream().map(SpanTemplate::share).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "span '" + name + "' of " + service + ": the shares of its children add up to " + sum.toPlainString()
              + ", more than the parent's time (1)");
    }
  }

  /** The attributes of one instance of this span: {@code errorAttributes} win when the span fails. */
  public Attributes attributesWhen(boolean failing) {
    return failing ? attributes.toBuilder().putAll(errorAttributes).build() : attributes;
  }

  /** This span and all its descendants, depth first, parents before children. */
  public List<SpanTemplate> flatten() {
    List<SpanTemplate> out = new ArrayList<>();
    collect(this, out);
    return List.copyOf(out);
  }

  private static void collect(SpanTemplate span, List<SpanTemplate> out) {
    out.add(span);
    for (SpanTemplate child : span.children) {
      collect(child, out);
    }
  }

  @Override
  public String toString() {
    return service + " " + kind + " '" + name + "'" + (fails ? " (fails)" : "")
        + (children.isEmpty() ? "" : " -> " + children);
  }
}
