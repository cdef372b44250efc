package org.oteltutorial.harness.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code matrix.json} ({@code {"cells": [...]}}) and {@code matrix.md} (a works-with table a maintainer can paste into
 * the tutorial's README); {@link #merge} combines the reports of cells run on different machines.
 */
public record MatrixReport(List<CellResult> cells) {

    public static final String JSON = "matrix.json";
    public static final String MARKDOWN = "matrix.md";
    /** Failed checks listed per cell in matrix.md (matrix.json has them all). */
    private static final int FAILED_SHOWN = 6;
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public MatrixReport {
        cells = List.copyOf(cells);
    }

    public boolean allPassed() {
        return cells.stream().allMatch(CellResult::passed);
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(JSON), MAPPER.writeValueAsString(this) + "\n");
            Files.writeString(dir.resolve(MARKDOWN), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MatrixReport read(Path dir) {
        Path file = Files.isDirectory(dir) ? dir.resolve(JSON) : dir;
        try {
            return MAPPER.readValue(Files.readString(file), MatrixReport.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not a matrix report: " + e.getOriginalMessage(), e);
        }
    }

    /** The cells of every report, in order; a cell id seen again replaces the earlier one (a rerun). */
    public static MatrixReport merge(List<MatrixReport> reports) {
        Map<String, CellResult> byId = new LinkedHashMap<>();
        reports.forEach(r -> r.cells().forEach(c -> byId.put(c.id(), c)));
        return new MatrixReport(new ArrayList<>(byId.values()));
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Works with\n\n");
        md.append("RED-metrics chapter (step 06) on the harness's local stack, per version set. \"as written\": the chapter's"
                + " manifests with only the image tags changed; \"with advice\": after the changes listed below.\n\n");
        md.append("| cell | collector-contrib | Jaeger | Prometheus | lint | as written | with advice | seconds |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (CellResult c : cells) {
            md.append("| ").append(c.id()).append(" | ").append(c.versions().getOrDefault("collector", "")).append(" | ")
                    .append(c.versions().getOrDefault("jaeger", "")).append(" | ").append(c.versions().getOrDefault("prometheus", ""))
                    .append(" | ").append(c.lint()).append(" | ").append(c.run().equals(CellResult.PASS) ? "works" : "fails")
                    .append(" | ").append(c.advisedRun() == null ? "–" : c.advisedRun().equals(CellResult.PASS) ? "works" : "fails")
                    .append(" | ").append(String.format("%.0f", c.seconds())).append(" |\n");
        }
        for (CellResult c : cells) {
            if (c.failed().isEmpty() && c.advice().isEmpty()) {
                continue;
            }
            md.append("\n### ").append(c.id()).append("\n\n");
            if (!c.failed().isEmpty()) {
                List<String> shown = c.failed().stream().distinct().limit(FAILED_SHOWN).toList();
                long more = c.failed().stream().distinct().count() - shown.size();
                md.append("Fails as written: ").append(String.join("; ", shown)).append(more > 0 ? "; and " + more + " more checks" : "")
                        .append(".\n\n");
            }
            for (AdviceItem a : c.advice()) {
                md.append("- `").append(a.file()).append("`: ").append(a.change()).append(". Why: ").append(a.why()).append(".\n");
            }
        }
        return md.toString();
    }
}
