package org.oteltutorial.harness.stack.local;

import java.net.URI;
import java.nio.file.Path;

/** How the local stack starts Jaeger: v1 all-in-one from flags and env, or v2 from its YAML config. */
interface JaegerLauncher {

    LaunchSpec prepare(Path binary, Path workDir);

    /** The query API's address, once prepared. */
    URI query();

    /** What the local stack changed compared with the pod, for the report. */
    String note();
}
