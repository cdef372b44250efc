package org.oteltutorial.harness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.tutorial.Step06;

/**
 * The regression suite's version matrix: the tutorial's manifests with newer upstream releases in their image tags.
 * The local stack builds exactly those versions, so this shows whether today's releases still work together, and
 * names the break when they do not. Opt-in ({@code -Dharness.matrix=true}): each new version is built once (a few
 * minutes) and the 0.109+ connector flushes every 60 s.
 */
@EnabledIfSystemProperty(named = "harness.matrix", matches = "true")
class VersionMatrixIT {

    private static final String COLLECTOR_094 = "opentelemetry-collector-contrib:0.94.0";
    private static final String JAEGER_154 = "jaegertracing/all-in-one:1.54.0";

    /** Collector 0.110, Jaeger 1.62 and Prometheus 3.0: both sides moved to the traces_span_metrics namespace. */
    @Test
    void newerReleasesTogetherStillWork(@TempDir Path tmp) {
        Path manifests = Step06.bundled()
                .replace(Step06.COLLECTOR, COLLECTOR_094, "opentelemetry-collector-contrib:0.110.0")
                .replace(Step06.BACKEND, JAEGER_154, "jaegertracing/all-in-one:1.62.0")
                .replace(Step06.BACKEND, "quay.io/prometheus/prometheus:v2.47.2", "quay.io/prometheus/prometheus:v3.0.1")
                .replace(Step06.BACKEND, "--enable-feature=otlp-write-receiver", "--web.enable-otlp-receiver")
                .writeTo(tmp.resolve("manifests"));

        HarnessCliRun run = run(tmp, manifests, false);

        assertThat(run.exitCode()).as(run.toString() + run.failures()).isZero();
        assertThat(run.summary().toString()).contains("traces_span_metrics_calls_total");
    }

    /** Only the collector upgraded: the lint names the break before anything starts. */
    @Test
    void upgradingOnlyTheCollectorBreaksSpmAndLintSaysWhy(@TempDir Path tmp) {
        Path manifests = Step06.bundled()
                .replace(Step06.COLLECTOR, COLLECTOR_094, "opentelemetry-collector-contrib:0.110.0")
                .writeTo(tmp.resolve("manifests"));

        HarnessCliRun linted = run(tmp, manifests, false);
        assertThat(linted.exitCode()).as(linted.toString()).isEqualTo(1);
        assertThat(linted.failures()).contains("[metric-names]").contains("traces_span_metrics_calls_total");

        HarnessCliRun dynamic = run(tmp.resolve("dynamic"), manifests, true);
        assertThat(dynamic.exitCode()).as(dynamic.toString()).isEqualTo(1);
        assertThat(dynamic.failures()).contains("Jaeger SPM returned no data").contains("Jaeger queries calls_total");
    }

    private static HarnessCliRun run(Path tmp, Path manifests, boolean noLint) {
        Path report = tmp.resolve("report");
        return noLint
                ? HarnessCliRun.of(report, "run", "--no-lint", "--manifests", manifests.toString(), "--report", report.toString())
                : HarnessCliRun.of(report, "run", "--manifests", manifests.toString(), "--report", report.toString());
    }
}
