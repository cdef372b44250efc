package org.oteltutorial.harness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.tutorial.Step06;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * Today's releases ({@code harness matrix --cell current}): the chapter as written fails, the advice names the
     * Prometheus flag and Jaeger v2's YAML config, and the advised copy passes lint and the full run; {@code --merge}
     * with the pinned cell gives one report with both.
     */
    @Test
    void todaysReleasesFailAsWrittenAndTheAdvisedCopyWorks(@TempDir Path tmp) {
        HarnessCliRun current = HarnessCliRun.of(tmp.resolve("current"), "matrix", "--cell", "current", "--report",
                tmp.resolve("current").toString());
        HarnessCliRun pinned = HarnessCliRun.of(tmp.resolve("pinned"), "matrix", "--cell", "pinned", "--report",
                tmp.resolve("pinned").toString());
        HarnessCliRun merged = HarnessCliRun.of(tmp.resolve("merged"), "matrix", "--merge", tmp.resolve("pinned").toString(),
                tmp.resolve("current").toString(), "--report", tmp.resolve("merged").toString());

        assertThat(pinned.exitCode()).as(pinned.toString()).isZero();
        assertThat(current.exitCode()).as(current.toString()).isEqualTo(1);
        JsonNode cell = matrix(tmp.resolve("current")).path("cells").get(0);
        assertThat(cell.path("run").asString()).isEqualTo("fail");
        assertThat(cell.path("advice").toString()).contains("--web.enable-otlp-receiver", "jaeger_storage metric_backends prometheus");
        assertThat(cell.path("advisedRun").asString()).as(current.toString()).isEqualTo("pass");
        assertThat(merged.exitCode()).isEqualTo(1);
        assertThat(matrix(tmp.resolve("merged")).path("cells").valueStream().map(c -> c.path("id").asString()))
                .containsExactly("pinned", "current");
    }

    private static JsonNode matrix(Path dir) {
        return JsonMapper.builder().build().readTree(dir.resolve("matrix.json").toFile());
    }

    private static HarnessCliRun run(Path tmp, Path manifests, boolean noLint) {
        Path report = tmp.resolve("report");
        return noLint
                ? HarnessCliRun.of(report, "run", "--no-lint", "--manifests", manifests.toString(), "--report", report.toString())
                : HarnessCliRun.of(report, "run", "--manifests", manifests.toString(), "--report", report.toString());
    }
}
