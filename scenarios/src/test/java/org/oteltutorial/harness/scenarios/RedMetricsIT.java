package org.oteltutorial.harness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The chapter's claims, end to end on the real collector, Prometheus and Jaeger: every span counted exactly in
 * Prometheus, Jaeger holding only the tail-sampled traces, and Jaeger SPM reading the RED metrics back.
 */
class RedMetricsIT {

    @Test
    void bundledStepSixPassesEveryCheck(@TempDir Path report) throws Exception {
        HarnessCliRun run = HarnessCliRun.of(report, "run", "--stack", Scenarios.stack(), "--report", report.toString());

        assertThat(run.exitCode()).as(run.toString() + run.failures()).isZero();
        JsonNode summary = run.summary();
        assertThat(summary.path("verdict").asString()).isEqualTo("pass");
        assertThat(summary.path("checks").size()).isGreaterThan(40);
        assertThat(summary.path("phases").size()).isGreaterThanOrEqualTo(6);
        String md = Files.readString(report.resolve("summary.md"));
        // Exact counts per series, the error series included.
        assertThat(md).containsPattern("\\| calls_total\\{service_name=\"frontend-deployment-[a-z0-9]+\", span_name=\"GET /\","
                + " span_kind=\"SPAN_KIND_SERVER\", status_code=\"STATUS_CODE_ERROR\"} \\| pass \\| (\\d+) \\| \\1 \\|");
        assertThat(md).contains("sampling: Jaeger keeps every error trace | pass");
        assertThat(md).contains("jaeger SPM calls = Prometheus");
    }
}
