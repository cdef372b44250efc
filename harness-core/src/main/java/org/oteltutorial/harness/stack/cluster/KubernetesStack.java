package org.oteltutorial.harness.stack.cluster;

import java.nio.file.Path;
import java.util.Optional;
import org.oteltutorial.harness.stack.Stack;

/**
 * A stack on Kubernetes (k3s, an existing cluster, or the self-check's attached view). On a failed check the run
 * attaches the last Prometheus and Jaeger answers to its {@link #failureBundle()} and calls {@link #markFailed()},
 * which writes the bundle into the report directory.
 */
public interface KubernetesStack extends Stack {

    FailureBundle failureBundle();

    /** Where {@link #markFailed()} wrote the failure bundle, once it has. */
    Optional<Path> failureBundleDirectory();
}
