package org.oteltutorial.harness.reader;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A command of the reader's path, as kubectl would carry it out. */
public sealed interface ReaderCommand {

    ChapterLine at();

    /** {@code kubectl apply -f} (merges into what exists, never deletes) or {@code kubectl replace -f} (replaces). */
    record Apply(ChapterLine at, List<String> files, Optional<String> namespace, boolean replace) implements ReaderCommand {
    }

    /** {@code kubectl patch}: {@code type} is {@code strategic} (kubectl's default) or {@code merge}. */
    record Patch(ChapterLine at, ObjectName target, String type, String patch) implements ReaderCommand {
    }

    /** {@code kubectl set env}: variables set, and names ending in {@code -} removed; {@code container} empty = every container. */
    record SetEnv(ChapterLine at, ObjectName target, Optional<String> container, Map<String, String> set, List<String> unset)
            implements ReaderCommand {
    }

    /** {@code kubectl set image}: container name → image. */
    record SetImage(ChapterLine at, ObjectName target, Map<String, String> images) implements ReaderCommand {
    }

    /** {@code kubectl rollout restart}: the pods are re-created. */
    record Restart(ChapterLine at, ObjectName target) implements ReaderCommand {
    }

    /** {@code kubectl delete -f FILE} or {@code kubectl delete KIND NAME}. */
    record Delete(ChapterLine at, List<String> files, Optional<ObjectName> target, Optional<String> namespace) implements ReaderCommand {
    }

    /** A command the harness does not carry out, and why (read-only, outside Kubernetes, or not modelled). */
    record NotExecuted(ChapterLine at, String why) implements ReaderCommand {
    }

    /** An object named on the command line: kind as the API names it, namespace when {@code -n} gave one. */
    record ObjectName(String kind, String name, Optional<String> namespace) {

        public String describe() {
            return kind + " " + namespace.orElse("default") + "/" + name;
        }
    }
}
