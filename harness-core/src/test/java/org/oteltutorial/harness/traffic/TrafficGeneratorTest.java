package org.oteltutorial.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {

  private static final Duration THRESHOLD = Duration.ofMillis(500);
  private static final Instant NOW = Instant.parse("2024-03-20T10:00:00Z");

  private OtlpHttpReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = OtlpHttpReceiver.accepting();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void sendsEverySpanAndFlushesIt() {
    TrafficPlan plan = plan(42, "send");

    Ledger ledger = generator().send(plan);

    assertThat(receiver.requests()).as("export requests, at least one per service").isGreaterThanOrEqualTo(3);
    assertThat(receiver.bytes()).as("bytes received").isGreaterThan(10_000);
    assertThat(ledger.runId()).isEqualTo("send");
    assertThat(ledger.traces()).hasSize(60);
    assertThat(ledger.totalSpans()).isEqualTo(360);
    assertThat(ledger.services()).containsExactly(
        "backend1-deployment-send", "backend2-deployment-send", "frontend-deployment-send");
  }

  @Test
  void ledgerMatchesThePlanAndTheShape() {
    TrafficPlan plan = plan(42, "match");
    List<PlannedRequest> schedule = plan.schedule();

    Ledger ledger = generator().send(plan);

    String frontend = ledger.serviceName("frontend-deployment");
    String backend1 = ledger.serviceName("backend1-deployment");
    String backend2 = ledger.serviceName("backend2-deployment");
    assertThat(ledger.keys()).containsExactly(
        key(backend1, "/rolldice", "SERVER", "UNSET"),
        key(backend2, "GET /rolldice", "SERVER", "ERROR"),
        key(backend2, "GET /rolldice", "SERVER", "UNSET"),
        key(backend2, "RollController.index", "INTERNAL", "UNSET"),
        key(frontend, "GET", "CLIENT", "ERROR"),
        key(frontend, "GET", "CLIENT", "UNSET"),
        key(frontend, "GET /", "SERVER", "ERROR"),
        key(frontend, "GET /", "SERVER", "UNSET"));
    assertThat(ledger.count(key(frontend, "GET /", "SERVER", "ERROR"))).isEqualTo(12);
    assertThat(ledger.count(key(frontend, "GET", "CLIENT", "UNSET"))).as("48 + 60 calls to backend1").isEqualTo(108);
    assertThat(ledger.count(key(backend2, "RollController.index", "INTERNAL", "UNSET"))).isEqualTo(60);
    assertThat(ledger.errorRatio(frontend)).isEqualTo((double) plan.errorRequests() / plan.requests());
    assertThat(ledger.errorRatio(backend2)).isEqualTo(0.2);
    assertThat(ledger.errorRatio(backend1)).isZero();
    assertThat(ledger.serverServices()).containsExactly(backend1, backend2, frontend);
    assertThat(ledger.operations(backend2)).containsExactly("GET /rolldice", "RollController.index");

    for (int i = 0; i < schedule.size(); i++) {
      PlannedRequest request = schedule.get(i);
      SentTrace trace = ledger.traces().get(i);
      assertThat(trace.rootDuration()).isEqualTo(request.rootDuration());
      assertThat(trace.error()).isEqualTo(request.error());
      assertThat(trace.rootService()).isEqualTo(frontend);
      assertThat(trace.rootName()).isEqualTo("GET /");
    }
    assertThat(ledger.tracesSlowerThan(THRESHOLD)).hasSize(plan.requestsPerBand().get(2));
  }

  @Test
  void spansOfARequestShareATraceAndNestInTime() {
    Ledger ledger = generator().send(plan(42, "nest"));

    for (SentTrace trace : ledger.traces()) {
      Map<String, SentSpan> byId = trace.spans().stream().collect(Collectors.toMap(SentSpan::spanId, s -> s));
      assertThat(trace.spans()).hasSize(6).allSatisfy(span -> {
        assertThat(span.traceId()).isEqualTo(trace.traceId());
        if (!span.isRoot()) {
          SentSpan parent = byId.get(span.parentSpanId());
          assertThat(parent).as("parent of %s", span).isNotNull();
          assertThat(span.startOffset()).isGreaterThanOrEqualTo(parent.startOffset());
          assertThat(span.endOffset()).isLessThanOrEqualTo(parent.endOffset());
        }
      });
    }
  }

  @Test
  void requestsLieInARecentWindowEndingNow() {
    TrafficPlan plan = plan(42, "window");

    Ledger ledger = generator().withClock(fixed(NOW)).send(plan);

    assertThat(ledger.window().end()).isEqualTo(NOW);
    assertThat(ledger.window().duration()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(32));
    SentTrace last = ledger.traces().get(59);
    assertThat(ledger.endOf(last.root())).isBeforeOrEqualTo(NOW);
  }

  @Test
  void samePlanGivesAnEqualLedger() {
    TrafficPlan plan = plan(42, "same");

    Ledger first = generator().withClock(fixed(NOW)).send(plan);
    Ledger second = generator().withClock(fixed(NOW)).send(plan);

    assertThat(second).isEqualTo(first);
    assertThat(generator().send(plan).traces())
        .as("sent at another time, only the window moves")
        .isEqualTo(first.traces());
  }

  @Test
  void differentSeedGivesADifferentLedger() {
    Ledger first = generator().withClock(fixed(NOW)).send(plan(42, "seed"));
    Ledger second = generator().withClock(fixed(NOW)).send(plan(43, "seed"));

    assertThat(second).isNotEqualTo(first);
    assertThat(second.traces()).extracting(SentTrace::traceId)
        .doesNotContainAnyElementsOf(first.traces().stream().map(SentTrace::traceId).toList());
    assertThat(second.traces()).extracting(SentTrace::rootDuration)
        .isNotEqualTo(first.traces().stream().map(SentTrace::rootDuration).toList());
  }

  @Test
  void differentRunIdKeepsTheTrafficButNotTheTraceIds() {
    Ledger first = generator().send(plan(42, "runa"));
    Ledger second = generator().send(plan(42, "runb"));

    assertThat(second.traces()).extracting(SentTrace::rootDuration)
        .isEqualTo(first.traces().stream().map(SentTrace::rootDuration).toList());
    assertThat(second.traces()).extracting(SentTrace::traceId)
        .doesNotContainAnyElementsOf(first.traces().stream().map(SentTrace::traceId).toList());
  }

  @Test
  void unreachableHttpEndpointFailsQuicklyNamingIt() throws IOException {
    int port = closedPort();
    String url = "http://127.0.0.1:" + port + "/v1/traces";

    long started = System.nanoTime();
    TrafficExportException failure = catchThrowableOfType(TrafficExportException.class,
        () -> TrafficGenerator.to(url).withExportTimeout(Duration.ofSeconds(2)).send(plan(42, "closed")));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(failure).as("send to a closed port").isNotNull();
    assertThat(failure.getMessage())
        .startsWith("spans were not delivered to OTLP/HTTP " + url + ": frontend-deployment-closed: 0 of 180 spans "
            + "accepted; backend1-deployment-closed: 0 of 60 spans accepted; backend2-deployment-closed: 0 of 120 "
            + "spans accepted; cause: java.net.ConnectException: Failed to connect to /127.0.0.1:" + port);
    assertThat(failure.endpoint()).isEqualTo(OtlpEndpoint.http(url));
    assertThat(failure.problems()).hasSize(3);
    assertThat(failure.causes()).singleElement().asString().contains("Connection refused");
    assertThat(failure).hasRootCauseInstanceOf(ConnectException.class);
    assertThat(took).as("time to fail").isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void unreachableGrpcEndpointFailsQuicklyNamingIt() throws IOException {
    String hostPort = "127.0.0.1:" + closedPort();

    long started = System.nanoTime();
    TrafficExportException failure = catchThrowableOfType(TrafficExportException.class,
        () -> TrafficGenerator.to(hostPort).withExportTimeout(Duration.ofSeconds(2)).withMaxAttempts(1)
            .send(plan(42, "grpc")));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(failure).as("send to a closed port").isNotNull();
    assertThat(failure.getMessage())
        .startsWith("spans were not delivered to OTLP/gRPC " + hostPort + ": ")
        .contains("0 of 180 spans accepted");
    assertThat(took).as("time to fail").isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void refusingReceiverIsReportedWithItsAnswer() throws IOException {
    try (OtlpHttpReceiver refusing = OtlpHttpReceiver.answering(500)) {
      assertThatThrownBy(() -> TrafficGenerator.to(refusing.tracesUrl()).withMaxAttempts(1).send(plan(42, "refused")))
          .isInstanceOf(TrafficExportException.class)
          .hasMessageContaining(refusing.tracesUrl())
          .hasMessageContaining("the receiver answered HTTP 500")
          .hasMessageContaining("receiver refuses with 500");
      assertThat(refusing.requests()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void receiverThatNeverAnswersFailsAtTheFlushDeadline() throws IOException {
    try (OtlpHttpReceiver hanging = OtlpHttpReceiver.hanging()) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> TrafficGenerator.to(hanging.tracesUrl())
              .withExportTimeout(Duration.ofSeconds(20)).withFlushTimeout(Duration.ofSeconds(1))
              .send(plan(42, "hang")))
          .isInstanceOf(TrafficExportException.class)
          .hasMessageContaining(hanging.tracesUrl())
          .hasMessageContaining("frontend-deployment-hang: 0 of 180 spans accepted, 180 still in flight after PT1S");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to fail").isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  void errorRequestsNeedASpanThatCanFail() {
    TrafficShape neverFails = TrafficShape.load(new ByteArrayInputStream("""
        version: 1
        services: [web]
        request: {service: web, name: GET /, kind: SERVER}
        """.getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> generator().withShape(neverFails).send(plan(42, "nofail")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the plan has 12 error requests, but no span of the shape fails (set 'fails: true' on at least one)");
    assertThat(generator().withShape(neverFails).send(plan(42, "nofail").toBuilder().withErrorRatio(0).build())
        .totalSpans()).isEqualTo(60);
  }

  private TrafficGenerator generator() {
    return TrafficGenerator.to(receiver.tracesUrl()).withExportTimeout(Duration.ofSeconds(5));
  }

  private static TrafficPlan plan(long seed, String runId) {
    return TrafficPlan.builder().withSeed(seed).withRunId(runId).build();
  }

  private static SpanKey key(String service, String name, String kind, String status) {
    return new SpanKey(service, name, "SPAN_KIND_" + kind, "STATUS_CODE_" + status);
  }

  private static InstantSource fixed(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
