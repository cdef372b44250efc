package org.oteltutorial.harness.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Jaeger's response envelope {@code {"data":…,"total":n,"limit":0,"offset":0,"errors":[{"code":…,"msg":…}]}}.
 * Error responses carry it too, with Content-Type text/plain (Go's {@code http.Error}); it is read as JSON anyway.
 */
final class JaegerEnvelope {

    private JaegerEnvelope() {
    }

    /**
     * The root object of a successful reply: the envelope for the search endpoints, the MetricFamily itself for the
     * metrics endpoints (which write it without an envelope).
     *
     * @throws JaegerQueryException for a non-2xx status or a body that is not JSON
     */
    static JsonNode open(HttpReply reply) {
        Optional<JsonNode> json = reply.json();
        if (!reply.isSuccessful()) {
            throw JaegerQueryException.rejected(reply, json.map(JaegerEnvelope::errors).orElse(List.of()));
        }
        if (json.isEmpty() || !json.get().isObject()) {
            throw JaegerQueryException.malformed(reply, new ResponseFormatException("the body is not a JSON object"));
        }
        return json.get();
    }

    /** The {@code data} field of an opened envelope; JSON null or absent becomes an empty array. */
    static List<JsonNode> dataElements(JsonNode envelope) {
        return JsonFields.elements(envelope, "data");
    }

    private static List<JaegerError> errors(JsonNode root) {
        List<JaegerError> errors = new ArrayList<>();
        if (root.isObject()) {
            for (JsonNode error : JsonFields.elements(root, "errors")) {
                errors.add(new JaegerError(error.path("code").asInt(0), error.path("msg").asString("")));
            }
        }
        return errors;
    }
}
