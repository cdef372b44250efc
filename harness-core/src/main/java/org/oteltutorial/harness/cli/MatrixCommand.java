package org.oteltutorial.harness.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.oteltutorial.harness.images.Catalogue;
import org.oteltutorial.harness.matrix.Cell;
import org.oteltutorial.harness.matrix.CellResult;
import org.oteltutorial.harness.matrix.Cells;
import org.oteltutorial.harness.matrix.ManifestFiles;
import org.oteltutorial.harness.matrix.MatrixReport;
import org.oteltutorial.harness.matrix.MatrixRunner;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.local.LocalStackProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harness matrix}: the chapter across version sets, with advice proven by a second run. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Runs the chapter (lint and the full local run) per version set (cell) and, where it fails, the advised"
                + " manifest changes on a copy. Writes matrix.json and matrix.md.",
                "Exit 0: every cell works as written; 1: a cell fails as written (see its advice and advisedRun); 2: bad input."})
final class MatrixCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cell", paramLabel = "ID", description = "Run only this cell (repeatable). Built-in: pinned, collector-<v>,"
            + " jaeger-<v>, prometheus-<v>, current.")
    private List<String> cellIds = new ArrayList<>();

    @Option(names = "--cells", paramLabel = "FILE", description = "Cells from a YAML file (cells: [{id, versions: {collector, jaeger,"
            + " prometheus}}]) instead of the built-in ones.")
    private Path cellsFile;

    @Option(names = "--merge", paramLabel = "DIR", arity = "1..*", description = "Combine the matrix.json of these report"
            + " directories into one report (runs nothing).")
    private List<Path> merge = new ArrayList<>();

    @Option(names = "--manifests", paramLabel = "DIR", description = "The chapter's manifests. Default: the bundled step-06 manifests.")
    private Path manifests;

    @Option(names = "--report", paramLabel = "DIR", description = "Report directory. Default: target/harness-reports/matrix-<time>.")
    private Path report;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Path reportDir = (report != null ? report : Path.of("target", "harness-reports",
                "matrix-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        if (!merge.isEmpty()) {
            return merge(reportDir);
        }
        List<Cell> cells = selected();
        ManifestFiles source = manifests == null ? ManifestFiles.bundled() : ManifestFiles.fromDirectory(manifests);
        LocalStackProvider provider = new LocalStackProvider();
        try {
            provider.checkEnvironment();
        } catch (EnvironmentException e) {
            throw new BadInputException(e.getMessage());
        }
        out.println("harness matrix: " + cells.size() + " cell(s) " + cells.stream().map(Cell::id).toList() + ", report " + reportDir);
        out.flush();
        MatrixReport result = new MatrixRunner(provider, line -> {
            out.println(line);
            out.flush();
        }).run(cells, source, reportDir);
        print(result, reportDir);
        return result.allPassed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private List<Cell> selected() {
        List<Cell> all;
        try {
            all = cellsFile == null ? Cells.builtIn(Catalogue.bundled()) : Cells.fromFile(cellsFile);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (cellIds.isEmpty()) {
            return all;
        }
        List<Cell> chosen = new ArrayList<>();
        for (String id : cellIds) {
            chosen.add(all.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new BadInputException(
                    "no cell '" + id + "' (known: " + all.stream().map(Cell::id).toList() + ")")));
        }
        return chosen;
    }

    private int merge(Path reportDir) {
        List<MatrixReport> reports = new ArrayList<>();
        for (Path dir : merge) {
            try {
                reports.add(MatrixReport.read(dir));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        MatrixReport merged = MatrixReport.merge(reports);
        merged.write(reportDir);
        print(merged, reportDir);
        return merged.allPassed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void print(MatrixReport result, Path reportDir) {
        var out = spec.commandLine().getOut();
        out.println();
        for (CellResult c : result.cells()) {
            out.printf("%-22s lint %-4s run %-4s advised run %-4s %s%n", c.id(), c.lint(), c.run(),
                    c.advisedRun() == null ? "-" : c.advisedRun(), c.versions());
        }
        out.println("matrix: " + reportDir.resolve(MatrixReport.JSON) + ", " + reportDir.resolve(MatrixReport.MARKDOWN));
        out.flush();
    }
}
