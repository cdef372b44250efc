package org.oteltutorial.harness.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MatrixReportTest {

    private static final CellResult PINNED = new CellResult("pinned", Map.of("collector", "0.94.0"), "pass", "pass", List.of(),
            List.of(), null, 41.5);
    private static final CellResult CURRENT = new CellResult("current", Map.of("collector", "0.161.0", "jaeger", "2.13.0"), "fail",
            "fail", List.of("lint [jaeger-spm]", "stack up"), List.of(new AdviceItem("step-06/backend.yaml", "use the v2 config",
                    "v2 ignores the env")), "pass", 200.0);

    @Test
    void matrixJsonHasTheIssuesShape(@TempDir Path dir) throws IOException {
        new MatrixReport(List.of(PINNED, CURRENT)).write(dir);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("matrix.json")));
        assertThat(json.propertyNames()).containsExactly("cells");
        JsonNode current = json.get("cells").get(1);
        assertThat(current.propertyNames()).containsExactlyInAnyOrder("id", "versions", "lint", "run", "failed", "advice",
                "advisedRun", "seconds");
        assertThat(current.get("versions").get("jaeger").asString()).isEqualTo("2.13.0");
        assertThat(current.get("advice").get(0).propertyNames()).containsExactly("file", "change", "why");
        assertThat(current.get("advisedRun").asString()).isEqualTo("pass");
        assertThat(json.get("cells").get(0).get("advisedRun").isNull()).isTrue();
        assertThat(current.get("seconds").asDouble()).isEqualTo(200.0);
    }

    @Test
    void mergeCombinesCellsRunOnDifferentMachines(@TempDir Path dir) {
        new MatrixReport(List.of(PINNED)).write(dir.resolve("a"));
        new MatrixReport(List.of(CURRENT)).write(dir.resolve("b"));

        MatrixReport merged = MatrixReport.merge(List.of(MatrixReport.read(dir.resolve("a")), MatrixReport.read(dir.resolve("b"))));

        assertThat(merged.cells()).extracting(CellResult::id).containsExactly("pinned", "current");
        assertThat(merged.cells().get(1)).isEqualTo(CURRENT);
        assertThat(merged.allPassed()).isFalse();
    }

    @Test
    void aRerunOfACellReplacesIt() {
        CellResult again = new CellResult("pinned", Map.of("collector", "0.94.0"), "pass", "fail", List.of("verify"), List.of(), null, 50);

        assertThat(MatrixReport.merge(List.of(new MatrixReport(List.of(PINNED)), new MatrixReport(List.of(again)))).cells())
                .containsExactly(again);
    }

    @Test
    void theMarkdownIsAWorksWithTable() {
        String md = new MatrixReport(List.of(PINNED, CURRENT)).markdown();

        assertThat(md).contains("| cell | collector-contrib | Jaeger | Prometheus | lint | as written | with advice | seconds |",
                "| pinned | 0.94.0 |  |  | pass | works | – | 42 |", "| current | 0.161.0 | 2.13.0 |  | fail | fails | works | 200 |",
                "- `step-06/backend.yaml`: use the v2 config. Why: v2 ignores the env.");
    }

    @Test
    void aDirectoryWithoutAReportIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> MatrixReport.read(dir)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matrix.json");
    }
}
