package org.oteltutorial.harness.stack.cluster;

import java.nio.file.Path;
import java.util.Optional;

/** A Kubernetes stack the run deployed itself (k3s or an existing cluster): its deployment keeps the failure bundle. */
public interface DeployedStack extends KubernetesStack {

    ClusterDeployment deployment();

    @Override
    default FailureBundle failureBundle() {
        return deployment().failureBundle();
    }

    @Override
    default Optional<Path> failureBundleDirectory() {
        return deployment().failureBundleDirectory();
    }

    @Override
    default void markFailed() {
        deployment().writeFailureBundle();
    }
}
