package org.oteltutorial.harness.stack.local;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * How to start one component: its command line and environment, and the URL that answers 200 once it is ready.
 */
record LaunchSpec(String name, List<String> command, Map<String, String> env, URI readiness) {

    LaunchSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }
}
