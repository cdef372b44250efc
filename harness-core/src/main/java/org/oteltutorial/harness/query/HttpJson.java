package org.oteltutorial.harness.query;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends GET and form-encoded POST requests below one base URL and hands back the reply for JSON decoding.
 * Shared by the Prometheus and Jaeger clients; it knows nothing about either API.
 */
final class HttpJson {

    /**
     * Floats stay the decimals they were written as (BigDecimal), so Prometheus' float-second timestamps become
     * Instants without passing through binary floating point.
     */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    enum Method { GET, POST_FORM }

    private final HttpUrl baseUrl;
    private final OkHttpClient client;

    HttpJson(String baseUrl, OkHttpClient client) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("Not an http(s) URL: '" + baseUrl + "'");
        }
        this.baseUrl = parsed;
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The URL of {@code pathSegments} below the base URL. Each segment is percent-encoded strictly, '/' and '+'
     * included: Jaeger reads the service name of {@code /api/services/{service}/operations} with Go's
     * {@code url.QueryUnescape}, which would turn a literal '+' into a space.
     */
    HttpUrl url(List<String> pathSegments, Params query) {
        HttpUrl.Builder url = baseUrl.newBuilder();
        pathSegments.forEach(segment -> url.addEncodedPathSegment(
                URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")));
        query.appendTo(url);
        return url.build();
    }

    /**
     * Sends the request. GET puts the parameters in the query string, POST_FORM in an
     * {@code application/x-www-form-urlencoded} body.
     *
     * @throws IOException when no HTTP response arrives (connection refused, timeout, reset)
     */
    HttpReply send(Method method, List<String> pathSegments, Params params) throws IOException {
        HttpUrl url = url(pathSegments, method == Method.GET ? params : Params.none());
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
        if (method == Method.POST_FORM) {
            request.post(params.toFormBody());
        }
        try (Response response = client.newCall(request.build()).execute()) {
            return new HttpReply(url, response.code(), response.header("Content-Type", ""), response.body().string());
        }
    }

    static Optional<JsonNode> parse(String body) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }
}
