package org.oteltutorial.harness.matrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.oteltutorial.harness.stack.StackProvider;

/** Runs cells one after another, each in its own directory under the report, and writes the matrix report. */
public final class MatrixRunner {

    private final StackProvider provider;
    private final Consumer<String> console;

    public MatrixRunner(StackProvider provider, Consumer<String> console) {
        this.provider = provider;
        this.console = console;
    }

    public MatrixReport run(List<Cell> cells, ManifestFiles source, Path reportDir) {
        List<CellResult> results = new ArrayList<>();
        CellRunner runner = new CellRunner(provider, console);
        for (int i = 0; i < cells.size(); i++) {
            console.accept("matrix: cell " + (i + 1) + " of " + cells.size());
            results.add(runner.run(cells.get(i), source, reportDir.resolve("cells").resolve(cells.get(i).id())));
            new MatrixReport(results).write(reportDir);
        }
        MatrixReport report = new MatrixReport(results);
        report.write(reportDir);
        return report;
    }
}
