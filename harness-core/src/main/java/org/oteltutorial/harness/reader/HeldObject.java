package org.oteltutorial.harness.reader;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One object of the state a reader reached: what the cluster holds (before the API server's defaulting), the
 * configuration last applied to it (kubectl's {@code last-applied-configuration}), the file and line it came from,
 * the command that last changed it, and when its pods were last created and under which Instrumentation.
 *
 * @param podsCreated the command after which the workload's current pods were created (empty: not a workload)
 * @param injectedWith the Instrumentation in the namespace when those pods were created (the webhook reads it then)
 */
public record HeldObject(ObjectNode live, JsonNode lastApplied, String origin, int line, ChapterLine changedAt,
        Optional<ChapterLine> podsCreated, Optional<HeldObject> injectedWith) {

    public String kind() {
        return live.path("kind").asString("");
    }

    public String name() {
        return live.path("metadata").path("name").asString("");
    }

    public String namespace() {
        return live.path("metadata").path("namespace").asString("");
    }

    public String describe() {
        return kind() + " " + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }

    /** {@code file:line}. */
    public String location() {
        return origin + ":" + line;
    }
}
