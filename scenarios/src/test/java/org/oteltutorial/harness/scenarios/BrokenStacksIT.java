package org.oteltutorial.harness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stacks broken the ways readers break the chapter, run with {@code --no-lint} so only the dynamic checks judge them:
 * each must fail at run time (exit 1) with a message naming the cause.
 */
class BrokenStacksIT {

    @Test
    void spanmetricsBehindTailSamplingUndercounts(@TempDir Path tmp) {
        Path manifests = StepSixVariant.bundled().replace("collector.yaml",
                "        traces/spanmetrics:\n          receivers: [otlp]\n",
                "        traces/spanmetrics:\n          receivers: [otlp]\n          processors: [tail_sampling]\n").writeTo(tmp.resolve("manifests"));

        HarnessCliRun run = run(tmp, manifests);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.failures()).contains("spans were dropped or sampled before the spanmetrics connector")
                .contains("[red-unsampled]");
    }

    @Test
    void jaegerQueryingAnotherNameFindsNoData(@TempDir Path tmp) {
        Path manifests = StepSixVariant.bundled().replace("backend.yaml",
                "            - name: PROMETHEUS_QUERY_NORMALIZE_CALLS\n",
                "            - name: PROMETHEUS_QUERY_NAMESPACE\n              value: traces_span_metrics\n"
                        + "            - name: PROMETHEUS_QUERY_NORMALIZE_CALLS\n").writeTo(tmp.resolve("manifests"));

        HarnessCliRun run = run(tmp, manifests);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.failures()).contains("Jaeger SPM returned no data")
                .contains("Jaeger queries traces_span_metrics_calls_total")
                .contains("Prometheus holds calls_total")
                .contains("[metric-names]");
        assertThat(run.summary().toString()).contains("\"prometheus: RED metric names\"");
    }

    @Test
    void connectorNamespaceJaegerDoesNotQuery(@TempDir Path tmp) {
        Path manifests = StepSixVariant.bundled().replace("collector.yaml",
                "    connectors:\n      spanmetrics:\n",
                "    connectors:\n      spanmetrics:\n        namespace: tutorial\n").writeTo(tmp.resolve("manifests"));

        HarnessCliRun run = run(tmp, manifests);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.failures()).contains("Jaeger SPM returned no data")
                .contains("Jaeger queries calls_total")
                .contains("Prometheus holds tutorial_calls_total");
    }

    private static HarnessCliRun run(Path tmp, Path manifests) {
        Path report = tmp.resolve("report");
        return HarnessCliRun.of(report, "run", "--no-lint", "--stack", Scenarios.stack(), "--manifests", manifests.toString(),
                "--report", report.toString(), "--requests", "30");
    }
}
