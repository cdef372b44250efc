package org.oteltutorial.harness.query;

import java.io.IOException;
import okhttp3.HttpUrl;

/**
 * A Prometheus API call that did not give a usable answer: an error envelope ({@code 400 bad_data},
 * {@code 422 execution}, {@code 503 timeout}), a non-JSON reply, a response of unexpected shape, or no reply at all.
 */
public final class PrometheusQueryException extends RuntimeException {

    private final int status;
    private final String errorType;
    private final String error;
    private final String query;
    private final String url;

    PrometheusQueryException(String message, int status, String errorType, String error, String query, String url,
                             Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorType = errorType;
        this.error = error;
        this.query = query;
        this.url = url;
    }

    static PrometheusQueryException rejected(HttpReply reply, String errorType, String error, String query) {
        String message = "Prometheus at " + reply.url() + " answered HTTP " + reply.status()
                + (errorType.isEmpty() ? "" : " " + errorType) + " for `" + query + "`: " + error;
        return new PrometheusQueryException(message, reply.status(), errorType, error, query, reply.url().toString(),
                null);
    }

    static PrometheusQueryException malformed(HttpReply reply, String query, ResponseFormatException problem) {
        String message = "Prometheus at " + reply.url() + " answered `" + query + "` with an unexpected response ("
                + problem.getMessage() + "): " + reply.snippet();
        return new PrometheusQueryException(message, reply.status(), "", problem.getMessage(), query,
                reply.url().toString(), problem);
    }

    static PrometheusQueryException unreachable(HttpUrl url, String query, IOException cause) {
        String message = "Cannot reach Prometheus at " + url + " for `" + query + "`: " + cause;
        return new PrometheusQueryException(message, 0, "", String.valueOf(cause), query, url.toString(), cause);
    }

    /** The HTTP status, or 0 when no HTTP response arrived. */
    public int status() {
        return status;
    }

    /** Prometheus' {@code errorType} ({@code bad_data}, {@code execution}, {@code timeout}, ...), or "" if none. */
    public String errorType() {
        return errorType;
    }

    /** Prometheus' {@code error} text, or what else went wrong. */
    public String error() {
        return error;
    }

    /** The PromQL expression; for label-value and series requests, a description naming their {@code match[]}. */
    public String query() {
        return query;
    }

    public String url() {
        return url;
    }

    public boolean isConnectionFailure() {
        return status == 0;
    }
}
