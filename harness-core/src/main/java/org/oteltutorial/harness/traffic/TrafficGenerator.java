package org.oteltutorial.harness.traffic;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sends a {@link TrafficPlan} in the {@link TrafficShape} of the demo application through the OpenTelemetry Java SDK,
 * and returns the {@link Ledger} of exactly what was sent.
 *
 * <p>Each service of the shape gets its own {@link SdkTracerProvider} with {@code service.name=<service>-<runId>}, a
 * seeded id generator and a batch processor exporting over OTLP to the endpoint. The spans of one request share a
 * trace id; a child in another service gets its parent through W3C trace-context propagation, as a real call would.
 * Every span has explicit start and end timestamps: the requests are laid out over the plan's window, which ends when
 * {@link #send} is called. After sending, the providers are flushed and the receiver's answers are checked: if any
 * span was not accepted in time, {@link #send} throws {@link TrafficExportException} naming the endpoint and the
 * cause. The providers are shut down before {@link #send} returns, whatever happened.
 *
 * <p>An instance is an immutable configuration; {@code withX} methods return changed copies.
 */
public final class TrafficGenerator {

  /** The default per-request export timeout. */
  public static final Duration DEFAULT_EXPORT_TIMEOUT = Duration.ofSeconds(10);
  /** The default deadline for flushing everything after sending. */
  public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(30);
  /** The default number of attempts per export request (1 = no retry). */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final String SCOPE = "org.oteltutorial.harness.traffic";
  private static final int MIN_QUEUE = 2048;

  private final OtlpEndpoint endpoint;
  private final TrafficShape shape;
  private final Duration exportTimeout;
  private final Duration flushTimeout;
  private final int maxAttempts;
  private final InstantSource clock;

  private TrafficGenerator(
      OtlpEndpoint endpoint,
      TrafficShape shape,
      Duration exportTimeout,
      Duration flushTimeout,
      int maxAttempts,
      InstantSource clock) {
    this.endpoint = endpoint;
    this.shape = shape;
    this.exportTimeout = exportTimeout;
    this.flushTimeout = flushTimeout;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
  }

  /** A generator sending to {@code endpoint}, with the bundled shape and the defaults. */
  public static TrafficGenerator to(OtlpEndpoint endpoint) {
    return new TrafficGenerator(
        Objects.requireNonNull(endpoint, "endpoint"),
        null,
        DEFAULT_EXPORT_TIMEOUT,
        DEFAULT_FLUSH_TIMEOUT,
        DEFAULT_MAX_ATTEMPTS,
        InstantSource.system());
  }

  /** A generator sending to {@code endpoint} as {@link OtlpEndpoint#parse} reads it. */
  public static TrafficGenerator to(String endpoint) {
    return to(OtlpEndpoint.parse(endpoint));
  }

  /** Send requests of this shape instead of the bundled one. */
  public TrafficGenerator withShape(TrafficShape shape) {
    return new TrafficGenerator(
        endpoint, Objects.requireNonNull(shape, "shape"), exportTimeout, flushTimeout, maxAttempts, clock);
  }

  /** How long one export request may take (also the connect timeout). */
  public TrafficGenerator withExportTimeout(Duration exportTimeout) {
    requirePositive(exportTimeout, "export timeout");
    return new TrafficGenerator(endpoint, shape, exportTimeout, flushTimeout, maxAttempts, clock);
  }

  /** How long flushing everything after sending may take before {@link #send} gives up. */
  public TrafficGenerator withFlushTimeout(Duration flushTimeout) {
    requirePositive(flushTimeout, "flush timeout");
    return new TrafficGenerator(endpoint, shape, exportTimeout, flushTimeout, maxAttempts, clock);
  }

  /** Attempts per export request, 1 to 5; retries cover transient answers such as 503 or UNAVAILABLE. */
  public TrafficGenerator withMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1 || maxAttempts > 5) {
      throw new IllegalArgumentException("max attempts must be 1 to 5, was " + maxAttempts);
    }
    return new TrafficGenerator(endpoint, shape, exportTimeout, flushTimeout, maxAttempts, clock);
  }

  /** Where "now" comes from: the plan's window ends at this clock's instant when {@link #send} is called. */
  public TrafficGenerator withClock(InstantSource clock) {
    return new TrafficGenerator(
        endpoint, shape, exportTimeout, flushTimeout, maxAttempts, Objects.requireNonNull(clock, "clock"));
  }

  public OtlpEndpoint endpoint() {
    return endpoint;
  }

  /**
   * Sends every request of {@code plan} and waits until the receiver has accepted every span.
   *
   * @return the ledger of exactly what was sent
   * @throws TrafficExportException when a span was not accepted within the flush timeout; the message names the
   *     endpoint and the cause
   * @throws IllegalArgumentException when the plan has error requests but the shape has no span that can fail
   */
  public Ledger send(TrafficPlan plan) {
    Objects.requireNonNull(plan, "plan");
    TrafficShape requestShape = shape != null ? shape : TrafficShape.bundled();
    if (plan.errorRequests() > 0 && !requestShape.hasFailingSpan()) {
      throw new IllegalArgumentException("the plan has " + plan.errorRequests()
          + " error requests, but no span of the shape fails (set 'fails: true' on at least one)");
    }
    List<PlannedRequest> schedule = plan.schedule();
    Duration length = schedule.stream().map(PlannedRequest::endOffset).max(Duration::compareTo).orElseThrow();
    Instant windowStart = clock.instant().minus(length);

    Recorder recorder = new Recorder();
    SeededIdGenerator ids = new SeededIdGenerator(plan.seed(), plan.runId());
    try (Pipelines pipelines = new Pipelines()) {
      for (String service : requestShape.services()) {
        int expected = plan.requests() * requestShape.spansPerRequest(service);
        pipelines.add(service, pipeline(plan.serviceName(service), expected, ids, recorder));
      }
      for (PlannedRequest request : schedule) {
        emit(requestShape.request(), Context.root(), windowStart.plus(request.startOffset()),
            request.rootDuration().toNanos(), request.error(), pipelines);
      }
      pipelines.flushAndCheck(recorder);
    }
    return Ledger.fromSpanData(plan.runId(), recorder.spans());
  }

  private void emit(
      SpanTemplate template, Context parent, Instant start, long durationNanos, boolean errorRequest,
      Pipelines pipelines) {
    boolean failing = errorRequest && template.fails();
    Span span = pipelines.tracer(template.service())
        .spanBuilder(template.name())
        .setSpanKind(template.kind())
        .setParent(parent)
        .setStartTimestamp(start)
        .setAllAttributes(template.attributesWhen(failing))
        .startSpan();
    if (failing) {
      span.setStatus(StatusCode.ERROR);
    }
    Context here = parent.with(span);
    long[] durations = SpanLayout.childDurations(template.children(), durationNanos);
    long[] offsets = SpanLayout.childOffsets(durationNanos, durations);
    for (int i = 0; i < durations.length; i++) {
      SpanTemplate child = template.children().get(i);
      Context childParent = child.service().equals(template.service()) ? here : acrossTheWire(here);
      emit(child, childParent, start.plusNanos(offsets[i]), durations[i], errorRequest, pipelines);
    }
    span.end(start.plusNanos(durationNanos));
  }

  /** The context a server in another process would extract from the W3C headers of a call made in {@code caller}. */
  private static Context acrossTheWire(Context caller) {
    Map<String, String> headers = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(caller, headers, (carrier, key, value) -> carrier.put(key, value));
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MapGetter.INSTANCE);
  }

  private Pipeline pipeline(String serviceName, int expectedSpans, SeededIdGenerator ids, Recorder recorder) {
    AccountingSpanExporter exporter = new AccountingSpanExporter(exporter());
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))))
        .setIdGenerator(ids)
        .setSampler(Sampler.alwaysOn())
        .addSpanProcessor(recorder)
        .addSpanProcessor(BatchSpanProcessor.builder(exporter)
            .setMaxQueueSize(Math.max(MIN_QUEUE, expectedSpans))
            .setExporterTimeout(flushTimeout)
            .build())
        .build();
    return new Pipeline(serviceName, provider, exporter);
  }

  private SpanExporter exporter() {
    RetryPolicy retry = maxAttempts == 1 ? null : RetryPolicy.builder()
        .setMaxAttempts(maxAttempts)
        .setInitialBackoff(Duration.ofMillis(200))
        .setMaxBackoff(Duration.ofSeconds(1))
        .build();
    return switch (endpoint.protocol()) {
      case GRPC -> OtlpGrpcSpanExporter.builder()
          .setEndpoint(endpoint.exporterEndpoint())
          .setTimeout(exportTimeout)
          .setConnectTimeout(exportTimeout)
          .setRetryPolicy(retry)
          .build();
      case HTTP_PROTOBUF -> OtlpHttpSpanExporter.builder()
          .setEndpoint(endpoint.exporterEndpoint())
          .setTimeout(exportTimeout)
          .setConnectTimeout(exportTimeout)
          .setRetryPolicy(retry)
          .build();
    };
  }

  private static void requirePositive(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + duration);
    }
  }

  /**
   * What went wrong, as precisely as the exporter says: the receiver's status when it answered, otherwise the chain
   * of exceptions (e.g. {@code ConnectException: Failed to connect to ...}).
   */
  static String describe(Throwable failure) {
    if (failure == null) {
      return "the exporter reported a failure without saying why (see its log)";
    }
    String answer = receiverAnswer(failure);
    if (answer != null) {
      return answer;
    }
    List<String> chain = new ArrayList<>();
    Throwable next;
    for (Throwable t = failure; t != null && chain.size() < 5; t = next) {
      next = t.getCause() == t ? null : t.getCause();
      // Skip wrappers that only repeat their cause (the exporters' FailedExportException does).
      boolean wrapper = next != null && (t.getMessage() == null || t.getMessage().equals(next.toString()));
      String description = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
      if (!wrapper && !chain.contains(description)) {
        chain.add(description);
      }
    }
    return String.join(", caused by ", chain);
  }

  /**
   * The receiver's answer when the export failed with a response. The OTLP exporters report it through an exception
   * of their internal package whose public {@code getResponse()} returns a public {@link HttpResponse} or
   * {@link GrpcResponse}; that package is not on the compile classpath, so the method is looked up by name.
   */
  private static String receiverAnswer(Throwable failure) {
    Object response;
    try {
      response = failure.getClass().getMethod("getResponse").invoke(failure);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
    if (response instanceof HttpResponse http) {
      String body = new String(http.getResponseBody(), StandardCharsets.UTF_8).strip();
      return "the receiver answered HTTP " + http.getStatusCode()
          + (http.getStatusMessage() == null || http.getStatusMessage().isEmpty() ? "" : " " + http.getStatusMessage())
          + (body.isEmpty() ? "" : ": " + abbreviate(body));
    }
    if (response instanceof GrpcResponse grpc) {
      return "the receiver answered gRPC status " + grpc.getStatusCode()
          + (grpc.getStatusDescription() == null ? "" : ": " + grpc.getStatusDescription());
    }
    return null;
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  /** Keeps every span the SDK starts, in start order (depth first), to build the ledger from the SDK's own data. */
  private static final class Recorder implements SpanProcessor {
    private final List<ReadableSpan> started = new ArrayList<>();

    @Override
    public synchronized void onStart(Context parentContext, ReadWriteSpan span) {
      started.add(span);
    }

    @Override
    public boolean isStartRequired() {
      return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }

    synchronized List<SpanData> spans() {
      return started.stream().map(ReadableSpan::toSpanData).toList();
    }

    synchronized long ended(String serviceName) {
      return started.stream()
          .filter(ReadableSpan::hasEnded)
          .filter(s -> serviceName.equals(s.toSpanData().getResource().getAttribute(SERVICE_NAME)))
          .count();
    }
  }

  private record Pipeline(String serviceName, SdkTracerProvider provider, AccountingSpanExporter exporter) {}

  /** The providers of one send; closing shuts them all down. */
  private final class Pipelines implements AutoCloseable {
    private final Map<String, Pipeline> byService = new LinkedHashMap<>();
    private final Map<String, Tracer> tracers = new HashMap<>();

    void add(String service, Pipeline pipeline) {
      byService.put(service, pipeline);
      tracers.put(service, pipeline.provider().get(SCOPE));
    }

    Tracer tracer(String service) {
      return tracers.get(service);
    }

    void flushAndCheck(Recorder recorder) {
      long deadline = System.nanoTime() + flushTimeout.toNanos();
      List<CompletableResultCode> flushes = new ArrayList<>();
      for (Pipeline pipeline : byService.values()) {
        flushes.add(pipeline.provider().forceFlush());
      }
      CompletableResultCode.ofAll(flushes).join(remaining(deadline), TimeUnit.NANOSECONDS);
      List<CompletableResultCode> exports = new ArrayList<>();
      for (Pipeline pipeline : byService.values()) {
        exports.add(pipeline.exporter().allExports());
      }
      CompletableResultCode.ofAll(exports).join(remaining(deadline), TimeUnit.NANOSECONDS);
      List<String> problems = new ArrayList<>();
      Set<String> causes = new LinkedHashSet<>();
      Throwable cause = null;
      for (Pipeline pipeline : byService.values()) {
        AccountingSpanExporter exporter = pipeline.exporter();
        long ended = recorder.ended(pipeline.serviceName());
        long accepted = exporter.accepted();
        if (accepted >= ended) {
          continue;
        }
        StringBuilder problem = new StringBuilder()
            .append(pipeline.serviceName()).append(": ").append(accepted).append(" of ").append(ended)
            .append(" spans accepted");
        if (exporter.offered() < ended) {
          problem.append(", ").append(ended - exporter.offered()).append(" never reached the exporter");
        }
        long pending = exporter.offered() - accepted - exporter.rejected();
        if (pending > 0) {
          problem.append(", ").append(pending).append(" still in flight after ").append(flushTimeout);
        }
        problems.add(problem.toString());
        if (exporter.rejected() > 0) {
          causes.add(describe(exporter.firstCause()));
          cause = cause == null ? exporter.firstCause() : cause;
        }
      }
      if (!problems.isEmpty()) {
        throw new TrafficExportException(endpoint, problems, List.copyOf(causes), cause);
      }
    }

    @Override
    public void close() {
      long deadline = System.nanoTime() + exportTimeout.toNanos();
      List<CompletableResultCode> shutdowns = new ArrayList<>();
      for (Pipeline pipeline : byService.values()) {
        shutdowns.add(pipeline.provider().shutdown());
      }
      CompletableResultCode.ofAll(shutdowns).join(remaining(deadline), TimeUnit.NANOSECONDS);
    }

    private long remaining(long deadline) {
      return Math.max(0, deadline - System.nanoTime());
    }
  }

  private enum MapGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }
}
