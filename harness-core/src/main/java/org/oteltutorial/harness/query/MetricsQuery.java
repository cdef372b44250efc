package org.oteltutorial.harness.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of a Jaeger SPM metrics request, immutable, with Jaeger's own defaults: lookback 1 h, step 5 s,
 * ratePer 10 min, span kind server, no grouping by operation, and the end at the server's "now".
 *
 * <pre>{@code
 * MetricsQuery.forServices("frontend", "backend").groupByOperation(true).ratePer(Duration.ofMinutes(1))
 * }</pre>
 *
 * The constructor refuses values that Jaeger would silently change or that Prometheus would reject, and says why.
 *
 * @param endTs the end of the range, or {@code null} for the server's current time (no {@code endTs} parameter)
 */
public record MetricsQuery(List<String> services, boolean groupByOperation, Instant endTs, Duration lookback,
                           Duration step, Duration ratePer, List<JaegerSpanKind> spanKinds) {

    public static final Duration DEFAULT_LOOKBACK = Duration.ofHours(1);
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RATE_PER = Duration.ofMinutes(10);
    /** Prometheus refuses range queries with more points per series than this. */
    public static final long MAX_POINTS = 11_000;

    public MetricsQuery {
        services = List.copyOf(services);
        if (services.isEmpty() || services.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("Jaeger needs at least one non-blank service name, got " + services);
        }
        requireWholeMillis("lookback", lookback);
        requireWholeMillis("step", step);
        requireWholeMillis("ratePer", ratePer);
        requireExactPromqlRange(ratePer);
        if (lookback.toMillis() / step.toMillis() > MAX_POINTS) {
            throw new IllegalArgumentException("lookback " + lookback + " / step " + step + " exceeds Prometheus' "
                    + MAX_POINTS + " points per series; Jaeger would answer HTTP 500");
        }
        spanKinds = List.copyOf(spanKinds);
        if (spanKinds.isEmpty()) {
            throw new IllegalArgumentException("give at least one span kind (Jaeger's default is SERVER)");
        }
    }

    /** A query for {@code services} with Jaeger's defaults. */
    public static MetricsQuery forServices(String... services) {
        return forServices(Arrays.asList(services));
    }

    public static MetricsQuery forServices(List<String> services) {
        return new MetricsQuery(services, false, null, DEFAULT_LOOKBACK, DEFAULT_STEP, DEFAULT_RATE_PER,
                List.of(JaegerSpanKind.SERVER));
    }

    public MetricsQuery groupByOperation(boolean group) {
        return new MetricsQuery(services, group, endTs, lookback, step, ratePer, spanKinds);
    }

    public MetricsQuery endTs(Instant end) {
        return new MetricsQuery(services, groupByOperation, Objects.requireNonNull(end, "end"), lookback, step,
                ratePer, spanKinds);
    }

    public MetricsQuery lookback(Duration value) {
        return new MetricsQuery(services, groupByOperation, endTs, value, step, ratePer, spanKinds);
    }

    public MetricsQuery step(Duration value) {
        return new MetricsQuery(services, groupByOperation, endTs, lookback, value, ratePer, spanKinds);
    }

    /** The window of PromQL's {@code rate()}; it should span at least two spanmetrics flushes to see data. */
    public MetricsQuery ratePer(Duration value) {
        return new MetricsQuery(services, groupByOperation, endTs, lookback, step, value, spanKinds);
    }

    public MetricsQuery spanKinds(JaegerSpanKind... kinds) {
        return new MetricsQuery(services, groupByOperation, endTs, lookback, step, ratePer, Arrays.asList(kinds));
    }

    /** The request parameters, every one explicit (durations and times in milliseconds). */
    Params params() {
        Params params = Params.none().addAll("service", services)
                .add("groupByOperation", Boolean.toString(groupByOperation));
        if (endTs != null) {
            params.add("endTs", Long.toString(endTs.toEpochMilli()));
        }
        params.add("lookback", Long.toString(lookback.toMillis()))
                .add("step", Long.toString(step.toMillis()))
                .add("ratePer", Long.toString(ratePer.toMillis()));
        spanKinds.forEach(kind -> params.add("spanKind", kind.parameterValue()));
        return params;
    }

    private static void requireWholeMillis(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number of milliseconds, got " + value);
        }
    }

    /**
     * Jaeger turns ratePer into a PromQL range by keeping Go's duration string up to its first unit letter: 90 s
     * ({@code 1m30s}) becomes {@code [1m]}, 1.5 s is not valid PromQL and 500 ms becomes {@code [500m]}, minutes.
     * Only whole hours, whole minutes below an hour and whole seconds below a minute survive unchanged.
     */
    private static void requireExactPromqlRange(Duration ratePer) {
        long seconds = ratePer.toMillis() / 1000;
        boolean exact = ratePer.toMillis() % 1000 == 0
                && (seconds % 3600 == 0 || (seconds < 3600 && seconds % 60 == 0) || seconds < 60);
        if (!exact) {
            throw new IllegalArgumentException("ratePer " + ratePer + " would not reach PromQL unchanged: Jaeger keeps"
                    + " only the first unit of Go's duration string (1m30s becomes [1m]); use whole hours,"
                    + " whole minutes below 1h, or whole seconds below 1m");
        }
    }
}
