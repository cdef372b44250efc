package org.oteltutorial.harness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial exactly as a reader runs it, on k3s: cert-manager, the operator (with the kube-rbac-proxy overlay),
 * the backend, the demo app with injection, the step-06 collector; then the tutorial's own traffic and the seeded
 * traffic, and every RED check, including calls_total and Jaeger SPM data for each demo service.
 */
@RequiresK3s
class K3sTutorialIT {

    @Test
    void stepSixWorksOnK3s(@TempDir Path report) {
        HarnessCliRun run = HarnessCliRun.of(report, "run", "--stack", "k3s", "--report", report.toString());

        assertThat(run.exitCode()).as(run.toString() + run.failures()).isZero();
        String summary = run.summary().toString();
        for (String service : new String[] {"frontend-deployment", "backend1-deployment", "backend2-deployment"}) {
            assertThat(summary).contains("demo service " + service + ": calls_total").contains("demo service " + service + ": Jaeger SPM");
        }
        assertThat(summary).contains("overlay kube-rbac-proxy");
    }
}
