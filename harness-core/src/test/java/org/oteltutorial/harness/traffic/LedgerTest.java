package org.oteltutorial.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LedgerTest {

  private static final String FRONTEND = "frontend-deployment-t1";
  private static final String BACKEND = "backend1-deployment-t1";
  private static final SpanKey ROOT_OK = new SpanKey(FRONTEND, "GET /", "SPAN_KIND_SERVER", "STATUS_CODE_UNSET");
  private static final SpanKey ROOT_ERROR = new SpanKey(FRONTEND, "GET /", "SPAN_KIND_SERVER", "STATUS_CODE_ERROR");
  private static final SpanKey BACKEND_OK =
      new SpanKey(BACKEND, "/rolldice", "SPAN_KIND_SERVER", "STATUS_CODE_UNSET");
  private static final Instant T0 = Instant.parse("2024-03-20T10:00:00Z");

  /** Five requests: four fine ones of 400, 399.999, 400.001 and 1000 ms, one failing one of 50 ms. */
  private static final Ledger LEDGER = ledger(400_000, 399_999, 400_001, 1_000_000, -50_000);

  @Test
  void countsPerKey() {
    assertThat(LEDGER.keys()).containsExactly(BACKEND_OK, ROOT_ERROR, ROOT_OK);
    assertThat(LEDGER.count(ROOT_OK)).isEqualTo(4);
    assertThat(LEDGER.count(ROOT_ERROR)).isEqualTo(1);
    assertThat(LEDGER.count(BACKEND_OK)).isEqualTo(5);
    assertThat(LEDGER.count(new SpanKey(FRONTEND, "GET /", "SPAN_KIND_CLIENT", "STATUS_CODE_UNSET"))).isZero();
    assertThat(LEDGER.totalSpans()).isEqualTo(10);
    assertThat(LEDGER.keys(BACKEND)).containsExactly(BACKEND_OK);
  }

  @Test
  void durationsAreExact() {
    assertThat(LEDGER.durationsMillis(ROOT_OK)).containsExactly(400.0, 399.999, 400.001, 1000.0);
    assertThat(LEDGER.durations(ROOT_ERROR)).containsExactly(Duration.ofMillis(50));
    assertThat(LEDGER.durationsMillis(new SpanKey("x", "y", "z", "w"))).isEmpty();
  }

  @Test
  void sumsAreExact() {
    assertThat(LEDGER.sumMillis(ROOT_OK)).isEqualTo(2200.0);
    assertThat(LEDGER.sumMillis(BACKEND_OK)).isEqualTo(50.0);
    assertThat(LEDGER.sumMillis(new SpanKey("x", "y", "z", "w"))).isZero();
  }

  @Test
  void bucketCountsAreCumulativeWithLeSemantics() {
    assertThat(LEDGER.bucketCounts(ROOT_OK, List.of(100.0, 399.999, 400.0, 800.0, 1000.0)))
        .as("a value exactly on a bound counts in that bound")
        .containsExactly(
            entry(100.0, 0L),
            entry(399.999, 1L),
            entry(400.0, 2L),
            entry(800.0, 3L),
            entry(1000.0, 4L),
            entry(Double.POSITIVE_INFINITY, 4L));
    assertThat(LEDGER.bucketCounts(ROOT_ERROR, List.of(2.0, 50.0)))
        .containsExactly(entry(2.0, 0L), entry(50.0, 1L), entry(Double.POSITIVE_INFINITY, 1L));
  }

  @Test
  void bucketBoundsMustIncrease() {
    assertThatThrownBy(() -> LEDGER.bucketCounts(ROOT_OK, List.of(10.0, 5.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bucket bounds must be finite and strictly increasing: [10.0, 5.0]");
  }

  @Test
  void errorRatioOfServerSpans() {
    assertThat(LEDGER.errorRatio(FRONTEND)).isEqualTo(0.2);
    assertThat(LEDGER.errorRatio(BACKEND)).isZero();
    assertThatThrownBy(() -> LEDGER.errorRatio("frontend-deployment"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service frontend-deployment sent no SERVER span; services with SERVER spans: "
            + "[backend1-deployment-t1, frontend-deployment-t1]");
  }

  @Test
  void servicesAndOperations() {
    assertThat(LEDGER.services()).containsExactly(BACKEND, FRONTEND);
    assertThat(LEDGER.serverServices()).containsExactly(BACKEND, FRONTEND);
    assertThat(LEDGER.operations(FRONTEND)).containsExactly("GET /");
    assertThat(LEDGER.operations(BACKEND, "SPAN_KIND_SERVER")).containsExactly("/rolldice");
    assertThat(LEDGER.operations(BACKEND, "SPAN_KIND_CLIENT")).isEmpty();
    assertThat(LEDGER.serviceName("frontend-deployment")).isEqualTo(FRONTEND);
  }

  @Test
  void tracesBySlownessAndErrors() {
    assertThat(LEDGER.tracesSlowerThan(Duration.ofMillis(500)))
        .extracting(SentTrace::traceId).containsExactly(traceId(3));
    assertThat(LEDGER.tracesSlowerThan(Duration.ofMillis(400)))
        .as("the threshold itself is slow, as for the tail sampler's latency policy")
        .extracting(SentTrace::traceId).containsExactly(traceId(0), traceId(2), traceId(3));
    assertThat(LEDGER.errorTraces()).extracting(SentTrace::traceId).containsExactly(traceId(4));
    SentTrace first = LEDGER.traces().get(0);
    assertThat(first.rootService()).isEqualTo(FRONTEND);
    assertThat(first.rootName()).isEqualTo("GET /");
    assertThat(first.rootMillis()).isEqualTo(400.0);
    assertThat(first.error()).isFalse();
    assertThat(LEDGER.trace(traceId(4))).get().matches(SentTrace::error);
    assertThat(LEDGER.trace("nope")).isEmpty();
  }

  @Test
  void absoluteTimesFollowFromTheWindow() {
    SentSpan child = LEDGER.traces().get(1).spans().get(1);

    assertThat(LEDGER.startOf(child)).isEqualTo(T0.plusSeconds(1).plusMillis(1));
    assertThat(LEDGER.endOf(child)).isEqualTo(T0.plusSeconds(1).plusMillis(11));
    assertThat(LEDGER.window().contains(LEDGER.endOf(child))).isTrue();
  }

  @Test
  void equalityIsByValue() {
    assertThat(ledger(400_000, 399_999, 400_001, 1_000_000, -50_000)).isEqualTo(LEDGER)
        .hasSameHashCodeAs(LEDGER);
    assertThat(ledger(400_000, 399_999, 400_001, 1_000_001, -50_000)).isNotEqualTo(LEDGER);
    assertThat(ledger(400_000, 399_999, 400_001, 1_000_000, 50_000)).isNotEqualTo(LEDGER);
  }

  @Test
  void jsonHasTotalsSeriesAndTraces() {
    JsonNode json = JsonMapper.builder().build().readTree(LEDGER.toJson());

    assertThat(json.get("runId").stringValue()).isEqualTo("t1");
    assertThat(json.get("window").get("start").stringValue()).isEqualTo("2024-03-20T10:00:00Z");
    assertThat(json.get("totals").get("spans").longValue()).isEqualTo(10);
    assertThat(json.get("totals").get("errorTraces").longValue()).isEqualTo(1);
    assertThat(json.get("series")).hasSize(3);
    JsonNode rootOk = json.get("series").get(2);
    assertThat(rootOk.get("status").stringValue()).isEqualTo("STATUS_CODE_UNSET");
    assertThat(rootOk.get("count").longValue()).isEqualTo(4);
    assertThat(rootOk.get("sumMs").doubleValue()).isEqualTo(2200.0);
    assertThat(rootOk.get("maxMs").doubleValue()).isEqualTo(1000.0);
    assertThat(json.get("traces")).hasSize(5);
    assertThat(json.get("traces").get(4).get("spans").get(0).get("status").stringValue())
        .isEqualTo("STATUS_CODE_ERROR");
  }

  @Test
  void toStringIsReadable() {
    assertThat(LEDGER.toString())
        .startsWith("Ledger of run t1 (2024-03-20T10:00:00Z .. 2024-03-20T10:00:10Z): 5 traces, 1 with errors, "
            + "10 spans")
        .contains("frontend-deployment-t1 'GET /' SPAN_KIND_SERVER STATUS_CODE_UNSET: 4 spans, sum 2200.000 ms, "
            + "399.999..1000.000 ms");
  }

  @Test
  void inconsistentLedgersAreRejected() {
    SentTrace trace = LEDGER.traces().get(0);
    TimeWindow window = LEDGER.window();

    assertThatThrownBy(() -> new Ledger("t1", window, List.of(trace, trace)))
        .hasMessage("trace " + trace.traceId() + " appears twice");
    assertThatThrownBy(() -> new Ledger("t1", new TimeWindow(T0, T0.plusMillis(100)), List.of(trace)))
        .hasMessageContaining("after the window");
    assertThatThrownBy(() -> new SentTrace(trace.traceId(), List.of(trace.spans().get(1), trace.spans().get(0))))
        .hasMessage("trace " + trace.traceId() + " must start with its root span");
  }

  /**
   * A ledger of one trace per duration (microseconds; negative = an error request), one second apart, each a
   * frontend root with one backend child of 10 ms starting 1 ms after the root.
   */
  private static Ledger ledger(long... rootMicros) {
    List<SentTrace> traces = new ArrayList<>();
    for (int i = 0; i < rootMicros.length; i++) {
      boolean error = rootMicros[i] < 0;
      Duration start = Duration.ofSeconds(i);
      String trace = traceId(i);
      SentSpan root = new SentSpan(trace, spanId(i, 1), "", error ? ROOT_ERROR : ROOT_OK, start,
          Duration.ofNanos(Math.abs(rootMicros[i]) * 1_000));
      SentSpan child = new SentSpan(trace, spanId(i, 2), root.spanId(), BACKEND_OK, start.plusMillis(1),
          Duration.ofMillis(10));
      traces.add(new SentTrace(trace, List.of(root, child)));
    }
    return new Ledger("t1", new TimeWindow(T0, T0.plusSeconds(10)), traces);
  }

  private static String traceId(int i) {
    return String.format("%032x", i + 1);
  }

  private static String spanId(int trace, int span) {
    return String.format("%08x%08x", trace + 1, span);
  }
}
