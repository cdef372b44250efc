package org.oteltutorial.harness.query;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * A Jaeger query API call that did not give a usable answer: an HTTP error with Jaeger's {@code errors} list
 * (400 bad parameters, 500 the metrics backend failed, 501 SPM is not enabled), a response of unexpected shape, or no
 * reply at all.
 */
public final class JaegerQueryException extends RuntimeException {

    static final int NOT_IMPLEMENTED = 501;

    private final int status;
    private final List<JaegerError> errors;
    private final String url;

    JaegerQueryException(String message, int status, List<JaegerError> errors, String url, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.url = url;
    }

    static JaegerQueryException rejected(HttpReply reply, List<JaegerError> errors) {
        String detail = errors.isEmpty()
                ? reply.snippet()
                : errors.stream().map(JaegerError::msg).collect(Collectors.joining("; "));
        String message = "Jaeger query at " + reply.url() + " answered HTTP " + reply.status() + ": " + detail;
        if (reply.status() == NOT_IMPLEMENTED) {
            message += " (Service Performance Monitoring is disabled: Jaeger v1 needs METRICS_STORAGE_TYPE=prometheus,"
                    + " Jaeger v2 extensions.jaeger_query.storage.metrics naming a jaeger_storage.metric_backends entry; both answer"
                    + " this same 501)";
        }
        return new JaegerQueryException(message, reply.status(), errors, reply.url().toString(), null);
    }

    static JaegerQueryException malformed(HttpReply reply, ResponseFormatException problem) {
        String message = "Jaeger query at " + reply.url() + " answered with an unexpected response ("
                + problem.getMessage() + "): " + reply.snippet();
        return new JaegerQueryException(message, reply.status(), List.of(), reply.url().toString(), problem);
    }

    static JaegerQueryException unreachable(HttpUrl url, IOException cause) {
        return new JaegerQueryException("Cannot reach Jaeger query at " + url + ": " + cause, 0, List.of(),
                url.toString(), cause);
    }

    /** The HTTP status, or 0 when no HTTP response arrived. */
    public int status() {
        return status;
    }

    /** Jaeger's {@code errors} list; empty when the body had none (or was not Jaeger's JSON). */
    public List<JaegerError> errors() {
        return errors;
    }

    public String url() {
        return url;
    }

    /** HTTP 501: Jaeger runs without a metrics backend, so SPM (the Monitor tab) has no data source. */
    public boolean isMetricsDisabled() {
        return status == NOT_IMPLEMENTED;
    }

    public boolean isConnectionFailure() {
        return status == 0;
    }
}
