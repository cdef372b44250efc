package org.oteltutorial.harness.query;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * A typed client for the Prometheus HTTP API ({@code /api/v1/...}). Queries are sent as form POSTs, as
 * Prometheus' own Go client does, so long PromQL never meets URL length limits.
 *
 * <p>Every failure is a {@link PrometheusQueryException}: an error envelope, a reply that is not the documented JSON,
 * or no reply at all. The {@link OkHttpClient} belongs to the caller, who also sets its timeouts.
 */
public final class PrometheusClient {

    private static final List<String> QUERY = List.of("api", "v1", "query");
    private static final List<String> SERIES = List.of("api", "v1", "series");

    private final HttpJson http;

    /**
     * @param baseUrl    Prometheus' base URL, such as {@code http://127.0.0.1:9090}; a path prefix is kept
     *                   ({@code http://host/prometheus} for a server run with {@code --web.route-prefix})
     * @param httpClient the caller's HTTP client
     */
    public PrometheusClient(String baseUrl, OkHttpClient httpClient) {
        this.http = new HttpJson(baseUrl, httpClient);
    }

    /** Evaluates {@code promql} at the server's current time. */
    public InstantVector query(String promql) {
        return send(HttpJson.Method.POST_FORM, QUERY, Params.of("query", promql), promql,
                PrometheusResults::instantVector);
    }

    /** Evaluates {@code promql} at {@code at}. */
    public InstantVector query(String promql, Instant at) {
        Params params = Params.of("query", promql).add("time", PrometheusFormat.time(at));
        return send(HttpJson.Method.POST_FORM, QUERY, params, promql, PrometheusResults::instantVector);
    }

    /**
     * The values of {@code label} across series selected by {@code matchers} (all series when empty);
     * {@code labelValues("__name__", List.of())} lists the metric names.
     */
    public List<String> labelValues(String label, List<String> matchers) {
        Objects.requireNonNull(label, "label");
        List<String> path = List.of("api", "v1", "label", label, "values");
        return send(HttpJson.Method.GET, path, Params.none().addAll("match[]", matchers),
                "label " + label + " values, match[] " + matchers, PrometheusResults::labelValues);
    }

    /** The label sets of the series that {@code matchers} (at least one) select from {@code start} to {@code end}. */
    public List<Map<String, String>> series(List<String> matchers, Instant start, Instant end) {
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("series needs at least one match[] selector");
        }
        Params params = Params.none().addAll("match[]", matchers)
                .add("start", PrometheusFormat.time(start))
                .add("end", PrometheusFormat.time(end));
        return send(HttpJson.Method.POST_FORM, SERIES, params, "series, match[] " + matchers,
                PrometheusResults::series);
    }

    private <T> T send(HttpJson.Method method, List<String> path, Params params, String query,
                       Function<PrometheusEnvelope, T> decoder) {
        HttpReply reply;
        try {
            reply = http.send(method, path, params);
        } catch (IOException e) {
            throw PrometheusQueryException.unreachable(http.url(path, Params.none()), query, e);
        }
        PrometheusEnvelope envelope = PrometheusEnvelope.open(reply, query);
        try {
            return decoder.apply(envelope);
        } catch (ResponseFormatException e) {
            throw PrometheusQueryException.malformed(reply, query, e);
        }
    }
}
