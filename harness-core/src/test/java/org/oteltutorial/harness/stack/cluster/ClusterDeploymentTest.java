package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;

class ClusterDeploymentTest {

    @Test
    void theFailureBundleCoversTheStepsNamespacesAndNotDefault() {
        FailureBundle bundle = ClusterDeployment.failureBundle(null, StepPlan.bundled(), StackModel.from(new ManifestLoader().bundled()));

        assertThat(bundle.namespaces()).containsExactly("cert-manager", "opentelemetry-operator-system", "observability-backend",
                "tutorial-application");
    }
}
