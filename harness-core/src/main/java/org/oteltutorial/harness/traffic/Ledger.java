package org.oteltutorial.harness.traffic;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exactly what was sent: every span of every trace, with its spanmetrics key and its exact duration. This is the
 * ground truth the verification compares Prometheus and Jaeger against. An immutable value: two ledgers are equal
 * when they hold the same run id, window and spans.
 *
 * <p>Spans carry offsets relative to the window's start, so two sends of the same plan at different times have equal
 * {@link #traces()} and differ only in {@link #window()}.
 *
 * @param runId the run id the service names carry
 * @param window from the first span's start to the last span's end
 * @param traces the traces, in the order they were sent
 */
public record Ledger(String runId, TimeWindow window, List<SentTrace> traces) {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public Ledger {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(window, "window");
    traces = List.copyOf(traces);
    Set<String> ids = new HashSet<>();
    Duration length = window.duration();
    for (SentTrace trace : traces) {
      if (!ids.add(trace.traceId())) {
        throw new IllegalArgumentException("trace " + trace.traceId() + " appears twice");
      }
      for (SentSpan span : trace.spans()) {
        if (span.endOffset().compareTo(length) > 0) {
          throw new IllegalArgumentException(
              "span " + span.spanId() + " ends at +" + span.endOffset() + ", after the window (" + length + ")");
        }
      }
    }
  }

  /** A ledger of the spans the SDK produced, in the order they started (parents before children). */
  static Ledger fromSpanData(String runId, List<SpanData> spans) {
    if (spans.isEmpty()) {
      throw new IllegalArgumentException("no spans were produced");
    }
    long first = spans.stream().mapToLong(SpanData::getStartEpochNanos).min().orElseThrow();
    long last = spans.stream().mapToLong(SpanData::getEndEpochNanos).max().orElseThrow();
    Map<String, List<SentSpan>> byTrace = new LinkedHashMap<>();
    for (SpanData data : spans) {
      String service = data.getResource().getAttribute(SERVICE_NAME);
      SpanKey key = SpanKey.of(
          service == null ? "" : service, data.getName(), data.getKind(), data.getStatus().getStatusCode());
      String parent = data.getParentSpanContext().isValid() ? data.getParentSpanId() : "";
      SentSpan span = new SentSpan(
          data.getTraceId(),
          data.getSpanId(),
          SpanId.isValid(parent) ? parent : "",
          key,
          Duration.ofNanos(data.getStartEpochNanos() - first),
          Duration.ofNanos(data.getEndEpochNanos() - data.getStartEpochNanos()));
      byTrace.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    }
    List<SentTrace> traces = new ArrayList<>();
    byTrace.forEach((id, traceSpans) -> traces.add(new SentTrace(id, traceSpans)));
    return new Ledger(runId, new TimeWindow(epochNanos(first), epochNanos(last)), traces);
  }

  // ---- names

  /** The name a tutorial service carries in this run: {@code <service>-<runId>}. */
  public String serviceName(String tutorialService) {
    return tutorialService + "-" + runId;
  }

  /** Every service that sent a span. */
  public SortedSet<String> services() {
    return sorted(spans(), s -> true, s -> s.key().service());
  }

  /** Every service that sent a SERVER span: what Jaeger SPM lists with its default span kind. */
  public SortedSet<String> serverServices() {
    return sorted(spans(), s -> s.key().isServer(), s -> s.key().service());
  }

  /** The distinct span names of {@code service}, of any kind. */
  public SortedSet<String> operations(String service) {
    return sorted(spans(), s -> s.key().service().equals(service), s -> s.key().spanName());
  }

  /** The distinct span names of {@code service} of one kind, e.g. {@code SPAN_KIND_SERVER}. */
  public SortedSet<String> operations(String service, String kind) {
    return sorted(
        spans(), s -> s.key().service().equals(service) && s.key().kind().equals(kind), s -> s.key().spanName());
  }

  /** Every key sent: one per expected {@code calls_total} series. */
  public SortedSet<SpanKey> keys() {
    return sorted(spans(), s -> true, SentSpan::key);
  }

  /** The keys of one service. */
  public SortedSet<SpanKey> keys(String service) {
    return sorted(spans(), s -> s.key().service().equals(service), SentSpan::key);
  }

  // ---- spans and counts

  /** Every span, trace by trace. */
  public List<SentSpan> spans() {
    return traces.stream().flatMap(t -> t.spans().stream()).toList();
  }

  public long totalSpans() {
    return traces.stream().mapToLong(t -> t.spans().size()).sum();
  }

  /** How many spans were sent with {@code key}; 0 for a key never sent. */
  public long count(SpanKey key) {
    return spans().stream().filter(s -> s.key().equals(key)).count();
  }

  /** The exact durations of the spans with {@code key}, in the order they were sent. */
  public List<Duration> durations(SpanKey key) {
    return spans().stream().filter(s -> s.key().equals(key)).map(SentSpan::duration).toList();
  }

  /** The durations of the spans with {@code key} in milliseconds, as the spanmetrics connector computes them. */
  public List<Double> durationsMillis(SpanKey key) {
    return spans().stream().filter(s -> s.key().equals(key)).map(SentSpan::durationMillis).toList();
  }

  /**
   * The sum of the durations with {@code key} in milliseconds, computed exactly in nanoseconds and converted once.
   * A histogram's {@code _sum} adds doubles one by one, so compare with a small relative tolerance.
   */
  public double sumMillis(SpanKey key) {
    long nanos = spans().stream().filter(s -> s.key().equals(key)).mapToLong(s -> s.duration().toNanos()).sum();
    return nanos / 1e6;
  }

  /**
   * Cumulative bucket counts with Prometheus' {@code le} semantics: for each bound, how many durations are at most
   * that bound (a duration exactly on a bound counts in it), and under {@link Double#POSITIVE_INFINITY} the total.
   *
   * @param boundsMs the explicit bucket bounds in milliseconds, strictly increasing and finite
   */
  public SortedMap<Double, Long> bucketCounts(SpanKey key, List<Double> boundsMs) {
    double previous = Double.NEGATIVE_INFINITY;
    for (Double bound : boundsMs) {
      if (bound == null || !Double.isFinite(bound) || bound <= previous) {
        throw new IllegalArgumentException("bucket bounds must be finite and strictly increasing: " + boundsMs);
      }
      previous = bound;
    }
    List<Double> values = durationsMillis(key);
    SortedMap<Double, Long> out = new TreeMap<>();
    for (Double bound : boundsMs) {
      out.put(bound, values.stream().filter(v -> v <= bound).count());
    }
    out.put(Double.POSITIVE_INFINITY, (long) values.size());
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The share of {@code service}'s SERVER spans that ended with status ERROR: what Jaeger SPM's error rate shows.
   *
   * @throws IllegalArgumentException when the service sent no SERVER span
   */
  public double errorRatio(String service) {
    List<SentSpan> server = spans().stream()
        .filter(s -> s.key().service().equals(service) && s.key().isServer())
        .toList();
    if (server.isEmpty()) {
      throw new IllegalArgumentException(
          "service " + service + " sent no SERVER span; services with SERVER spans: " + serverServices());
    }
    return (double) server.stream().filter(s -> s.key().isError()).count() / server.size();
  }

  // ---- traces

  public Optional<SentTrace> trace(String traceId) {
    return traces.stream().filter(t -> t.traceId().equals(traceId)).findFirst();
  }

  /** The traces with at least one ERROR span. */
  public List<SentTrace> errorTraces() {
    return traces.stream().filter(SentTrace::error).toList();
  }

  /** The traces whose root lasted at least {@code threshold}, e.g. the tail sampler's latency threshold. */
  public List<SentTrace> tracesSlowerThan(Duration threshold) {
    return traces.stream().filter(t -> t.isSlowerThan(threshold)).toList();
  }

  /** When {@code span} started. */
  public Instant startOf(SentSpan span) {
    return window.start().plus(span.startOffset());
  }

  /** When {@code span} ended. */
  public Instant endOf(SentSpan span) {
    return window.start().plus(span.endOffset());
  }

  // ---- reports

  /** The ledger as JSON: a summary per key and every trace with its spans, for reports and failure bundles. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("runId", runId);
    ObjectNode windowNode = root.putObject("window");
    windowNode.put("start", window.start().toString());
    windowNode.put("end", window.end().toString());
    ObjectNode totals = root.putObject("totals");
    totals.put("traces", traces.size());
    totals.put("errorTraces", errorTraces().size());
    totals.put("spans", totalSpans());
    ArrayNode series = root.putArray("series");
    for (SpanKey key : keys()) {
      List<Double> values = durationsMillis(key);
      ObjectNode node = series.addObject();
      node.put("service", key.service());
      node.put("spanName", key.spanName());
      node.put("kind", key.kind());
      node.put("status", key.status());
      node.put("count", values.size());
      node.put("sumMs", sumMillis(key));
      node.put("minMs", values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
      node.put("maxMs", values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
    ArrayNode traceArray = root.putArray("traces");
    for (SentTrace trace : traces) {
      ObjectNode node = traceArray.addObject();
      node.put("traceId", trace.traceId());
      node.put("rootService", trace.rootService());
      node.put("rootName", trace.rootName());
      node.put("start", startOf(trace.root()).toString());
      node.put("rootMs", trace.rootMillis());
      node.put("error", trace.error());
      ArrayNode spanArray = node.putArray("spans");
      for (SentSpan span : trace.spans()) {
        ObjectNode s = spanArray.addObject();
        s.put("spanId", span.spanId());
        s.put("parentSpanId", span.parentSpanId());
        s.put("service", span.key().service());
        s.put("name", span.key().spanName());
        s.put("kind", span.key().kind());
        s.put("status", span.key().status());
        s.put("startOffsetMs", SentSpan.toMillis(span.startOffset()));
        s.put("durationMs", span.durationMillis());
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /** A readable summary: the window, the totals and one line per key. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("Ledger of run ").append(runId).append(" (").append(window).append("): ")
        .append(traces.size()).append(" traces, ").append(errorTraces().size()).append(" with errors, ")
        .append(totalSpans()).append(" spans");
    for (SpanKey key : keys()) {
      List<Double> values = durationsMillis(key);
      out.append(String.format(Locale.ROOT, "%n  %s: %d spans, sum %.3f ms, %.3f..%.3f ms", key, values.size(),
          sumMillis(key),
          values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
          values.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
    }
    return out.toString();
  }

  private static <T extends Comparable<? super T>> SortedSet<T> sorted(
      List<SentSpan> spans, Predicate<SentSpan> filter, Function<SentSpan, T> value) {
    SortedSet<T> out = new TreeSet<>();
    for (SentSpan span : spans) {
      if (filter.test(span)) {
        out.add(value.apply(span));
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  private static Instant epochNanos(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }
}
