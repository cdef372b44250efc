package org.oteltutorial.harness.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellsTest {

    @Test
    void aCellsFileGivesIdsAndVersions(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cells.yaml"), """
                cells:
                  - id: jaeger-1.62
                    versions: {jaeger: 1.62.0}
                  - id: newer
                    versions: {collector: 0.110.0, prometheus: v3.0.1}
                """);

        assertThat(Cells.fromFile(file)).containsExactly(new Cell("jaeger-1.62", Map.of("jaeger", "1.62.0")),
                new Cell("newer", Map.of("collector", "0.110.0", "prometheus", "3.0.1")));
    }

    @Test
    void anUnknownComponentIsBadInput(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cells.yaml"), "cells:\n  - id: x\n    versions: {grafana: 1.0.0}\n");

        assertThatThrownBy(() -> Cells.fromFile(file)).hasMessageContaining("unknown component 'grafana'");
    }

    @Test
    void aFileWithoutCellsIsBadInput(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cells.yaml"), "versions: {}\n");

        assertThatThrownBy(() -> Cells.fromFile(file)).hasMessageContaining("expected 'cells:'");
    }
}
