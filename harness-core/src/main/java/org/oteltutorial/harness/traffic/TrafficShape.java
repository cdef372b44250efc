package org.oteltutorial.harness.traffic;

import io.opentelemetry.api.trace.SpanKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The shape of one request of the demo application: its services and the span tree a request produces. It is data
 * ({@code tutorial/traffic.yaml} in the manifests module), so a changed tutorial changes the YAML, not the Java.
 *
 * @param services every service a span may name, as the tutorial names them (the Deployment names)
 * @param request the root span of one request
 */
public record TrafficShape(List<String> services, SpanTemplate request) {

  /** Where the bundled shape lives on the classpath. */
  public static final String BUNDLED_RESOURCE = "tutorial/traffic.yaml";

  public TrafficShape {
    services = List.copyOf(services);
    Objects.requireNonNull(request, "request");
    if (services.isEmpty()) {
      throw new IllegalArgumentException("a traffic shape needs at least one service");
    }
    Set<String> seen = new HashSet<>();
    for (String service : services) {
      if (!seen.add(service)) {
        throw new IllegalArgumentException("service " + service + " is listed twice");
      }
    }
    if (request.share().compareTo(BigDecimal.ONE) != 0) {
      throw new IllegalArgumentException(
          "the root span '" + request.name() + "' has no share: its duration is the plan's latency");
    }
    Set<String> used = new LinkedHashSet<>();
    for (SpanTemplate span : request.flatten()) {
      if (!seen.contains(span.service())) {
        throw new IllegalArgumentException(
            "span '" + span.name() + "' names service " + span.service() + ", which is not among the services "
                + services);
      }
      used.add(span.service());
    }
    for (String service : services) {
      if (!used.contains(service)) {
        throw new IllegalArgumentException("service " + service + " is listed but no span uses it");
      }
    }
  }

  /** The shape bundled with the harness: classpath resource {@value #BUNDLED_RESOURCE}. */
  public static TrafficShape bundled() {
    ClassLoader loader = TrafficShape.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource " + BUNDLED_RESOURCE + " is missing: is the manifests module on the classpath?");
      }
      return load(in, "classpath:" + BUNDLED_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + BUNDLED_RESOURCE, e);
    }
  }

  /** Reads a shape in the {@code traffic.yaml} format. The stream is not closed. */
  public static TrafficShape load(InputStream in) {
    return load(in, "traffic shape");
  }

  /**
   * Reads a shape in the {@code traffic.yaml} format; {@code source} names the input in error messages.
   *
   * @throws TrafficShapeException when the input is not YAML or does not describe a valid shape
   */
  public static TrafficShape load(InputStream in, String source) {
    return TrafficShapeReader.read(in, source);
  }

  /** Reads a shape from a file. */
  public static TrafficShape load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read traffic shape " + file, e);
    }
  }

  /** All spans of one request, depth first, parents before children. */
  public List<SpanTemplate> spans() {
    return request.flatten();
  }

  /** The number of spans one request produces. */
  public int spansPerRequest() {
    return spans().size();
  }

  /** The number of spans one request produces in {@code service}. */
  public int spansPerRequest(String service) {
    return (int) spans().stream().filter(s -> s.service().equals(service)).count();
  }

  /** The services that emit at least one SERVER span (the ones Jaeger SPM lists by default). */
  public SortedSet<String> serverServices() {
    SortedSet<String> out = new TreeSet<>();
    for (SpanTemplate span : spans()) {
      if (span.kind() == SpanKind.SERVER) {
        out.add(span.service());
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** Whether an error request has anything to fail. */
  public boolean hasFailingSpan() {
    return spans().stream().anyMatch(SpanTemplate::fails);
  }
}
