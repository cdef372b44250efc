package org.oteltutorial.harness.query;

import java.util.Optional;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/** What an HTTP server answered: status, content type and the whole body as text. */
record HttpReply(HttpUrl url, int status, String contentType, String body) {

    private static final int SNIPPET_LENGTH = 300;

    boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON tree, or empty when it is not JSON (a proxy's HTML page, Go's "404 page not found"). */
    Optional<JsonNode> json() {
        return HttpJson.parse(body);
    }

    /** The start of the body on one line, for messages. */
    String snippet() {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        if (oneLine.isEmpty()) {
            return "(empty body)";
        }
        return oneLine.length() <= SNIPPET_LENGTH ? oneLine : oneLine.substring(0, SNIPPET_LENGTH) + "…";
    }
}
