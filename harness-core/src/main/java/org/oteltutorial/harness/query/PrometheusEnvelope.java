package org.oteltutorial.harness.query;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Prometheus' response envelope: {@code {"status":"success","data":…,"warnings":[…],"infos":[…]}} or
 * {@code {"status":"error","errorType":"bad_data","error":"…"}}.
 */
record PrometheusEnvelope(JsonNode data, List<String> warnings, List<String> infos) {

    /**
     * Opens the envelope of a reply.
     *
     * @throws PrometheusQueryException for an error status, an error envelope, or a body that is not an envelope
     */
    static PrometheusEnvelope open(HttpReply reply, String query) {
        Optional<JsonNode> json = reply.json().filter(JsonNode::isObject);
        if (json.isEmpty()) {
            if (reply.isSuccessful()) {
                throw PrometheusQueryException.malformed(reply, query,
                        new ResponseFormatException("the body is not a JSON object"));
            }
            throw PrometheusQueryException.rejected(reply, "", reply.snippet(), query);
        }
        JsonNode root = json.get();
        if (!reply.isSuccessful() || "error".equals(JsonFields.optionalText(root, "status"))) {
            String error = JsonFields.optionalText(root, "error");
            throw PrometheusQueryException.rejected(reply, JsonFields.optionalText(root, "errorType"),
                    error.isEmpty() ? reply.snippet() : error, query);
        }
        try {
            return new PrometheusEnvelope(JsonFields.field(root, "data"),
                    JsonFields.strings(root, "warnings"), JsonFields.strings(root, "infos"));
        } catch (ResponseFormatException e) {
            throw PrometheusQueryException.malformed(reply, query, e);
        }
    }
}
