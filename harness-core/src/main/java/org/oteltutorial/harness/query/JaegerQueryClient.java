package org.oteltutorial.harness.query;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import tools.jackson.databind.JsonNode;

/**
 * A typed client for Jaeger's query HTTP API: Service Performance Monitoring ({@code /api/metrics/calls|errors|
 * latencies}) and the search API the UI uses ({@code /api/services}, {@code /api/traces}).
 *
 * <p>Every failure is a {@link JaegerQueryException}; {@link JaegerQueryException#isMetricsDisabled()} tells an SPM
 * that was never switched on (HTTP 501) apart from one whose Prometheus failed (HTTP 500). The {@link OkHttpClient}
 * belongs to the caller, who also sets its timeouts.
 */
public final class JaegerQueryClient {

    private final HttpJson http;
    private final Clock clock;

    /** @param baseUrl the query service's base URL, such as {@code http://127.0.0.1:16686} (a base path is kept) */
    public JaegerQueryClient(String baseUrl, OkHttpClient httpClient) {
        this(baseUrl, httpClient, Clock.systemUTC());
    }

    /** @param clock where "now" comes from for trace searches without an explicit end */
    public JaegerQueryClient(String baseUrl, OkHttpClient httpClient, Clock clock) {
        this.http = new HttpJson(baseUrl, httpClient);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Request rate per second ({@code service_call_rate}). */
    public MetricFamily calls(MetricsQuery query) {
        return metrics("calls", query.params());
    }

    /** Error rate as a fraction of calls ({@code service_error_rate}); zeros, not no data, when nothing failed. */
    public MetricFamily errors(MetricsQuery query) {
        return metrics("errors", query.params());
    }

    /**
     * Latency in milliseconds at {@code quantile} ({@code service_latencies}); NaN where there were no calls.
     *
     * @param quantile in (0, 1] with at most two decimals, because Jaeger formats it with {@code %.2f} (0.999 would
     *                 silently become 1.00)
     */
    public MetricFamily latencies(MetricsQuery query, double quantile) {
        return metrics("latencies", query.params().add("quantile", quantile(quantile)));
    }

    /** The services Jaeger has spans of. */
    public List<String> services() {
        return send(List.of("api", "services"), Params.none(), JaegerQueryClient::stringData);
    }

    /** The traces matching {@code query}, as Jaeger returns them (most recent first, up to the limit). */
    public List<JaegerTrace> traces(TraceQuery query) {
        return send(List.of("api", "traces"), query.params(clock),
                root -> JaegerTraceFormat.traces(JaegerEnvelope.dataElements(root)));
    }

    private MetricFamily metrics(String kind, Params params) {
        return send(List.of("api", "metrics", kind), params, JaegerMetricsFormat::family);
    }

    private <T> T send(List<String> path, Params params, Function<JsonNode, T> decoder) {
        HttpReply reply;
        try {
            reply = http.send(HttpJson.Method.GET, path, params);
        } catch (IOException e) {
            throw JaegerQueryException.unreachable(http.url(path, params), e);
        }
        JsonNode root = JaegerEnvelope.open(reply);
        try {
            return decoder.apply(root);
        } catch (ResponseFormatException e) {
            throw JaegerQueryException.malformed(reply, e);
        }
    }

    private static List<String> stringData(JsonNode root) {
        return JsonFields.strings(root, "data");
    }

    private static String quantile(double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + quantile);
        }
        BigDecimal exact = BigDecimal.valueOf(quantile);
        if (exact.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("quantile " + quantile + " has more than two decimals; Jaeger formats it"
                    + " with %.2f, so PromQL would use " + String.format(Locale.ROOT, "%.2f", quantile));
        }
        return exact.stripTrailingZeros().toPlainString();
    }
}
