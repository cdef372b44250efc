package org.oteltutorial.harness.matrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.lint.Linter;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.report.RunSummary;
import org.oteltutorial.harness.run.RunPipeline;
import org.oteltutorial.harness.run.RunRequest;
import org.oteltutorial.harness.run.RunSource;
import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.tutorial.ManifestException;
import org.oteltutorial.harness.tutorial.StackModel;

/**
 * Runs one cell: the manifests with the cell's versions in their image tags, lint, the full run on the stack (lint
 * findings do not stop it: the run shows what really breaks), and when either fails the advice, applied to a copy
 * and run again with lint. Files and reports land under the cell's directory.
 */
final class CellRunner {

    private final StackProvider provider;
    private final Consumer<String> console;

    CellRunner(StackProvider provider, Consumer<String> console) {
        this.provider = provider;
        this.console = console;
    }

    CellResult run(Cell cell, ManifestFiles source, Path dir) {
        long start = System.nanoTime();
        console.accept("== cell " + cell.id() + ": " + cell.versions());
        VersionWriter.Written written = new VersionWriter().write(source, StackModel.from(source.manifests()), cell);
        written.changes().forEach(c -> console.accept("   image " + c));
        ManifestFiles asWritten = written.files();
        asWritten.write(dir.resolve("manifests"));
        List<String> failed = new ArrayList<>();
        String lint = lint(asWritten, failed);
        console.accept("   lint: " + lint);
        RunSummary run = run(asWritten, dir.resolve("run"), false, cell.id() + " as written");
        run.checks().stream().filter(CheckResult::failed).map(CheckResult::name).forEach(failed::add);
        String runVerdict = run.passed() ? CellResult.PASS : CellResult.FAIL;
        List<AdviceItem> advice = List.of();
        String advisedRun = null;
        if (!CellResult.PASS.equals(lint) || !run.passed()) {
            Advisor.Advice advised = new Advisor().advise(asWritten);
            advice = advised.items();
            advice.forEach(a -> console.accept("   advice: " + a.file() + ": " + a.change()));
            if (!advice.isEmpty()) {
                advised.files().write(dir.resolve("advised"));
                RunSummary again = run(advised.files(), dir.resolve("advised-run"), true, cell.id() + " advised");
                advisedRun = again.passed() ? CellResult.PASS : CellResult.FAIL;
                again.checks().stream().filter(CheckResult::failed)
                        .forEach(c -> console.accept("   advised run failed: " + c.name() + ": " + c.message()));
            } else {
                console.accept("   no advice: the harness knows no manifest change for this break");
            }
        }
        double seconds = Math.round((System.nanoTime() - start) / 1e8) / 10.0;
        console.accept(String.format("   cell %s: lint %s, run %s%s (%.0f s)", cell.id(), lint, runVerdict,
                advisedRun == null ? "" : ", advised run " + advisedRun, seconds));
        return new CellResult(cell.id(), cell.versions(), lint, runVerdict, failed, advice, advisedRun, seconds);
    }

    private String lint(ManifestFiles files, List<String> failed) {
        try {
            LintResult result = Linter.standard().lint(StackModel.from(files.manifests()));
            for (Finding f : result.errors()) {
                failed.add("lint [" + f.rule() + "]");
                console.accept("   lint error [" + f.rule() + "] " + f.message());
            }
            return result.passed() ? CellResult.PASS : CellResult.FAIL;
        } catch (ManifestException e) {
            failed.add("lint: " + e.getMessage());
            return CellResult.FAIL;
        }
    }

    private RunSummary run(ManifestFiles files, Path reportDir, boolean lint, String what) {
        console.accept("   run (" + what + "), report " + reportDir);
        TrafficPlan plan = TrafficPlan.builder().build();
        return new RunPipeline().run(new RunRequest(files.manifests(), RunSource.named("matrix cell " + what), provider, reportDir, lint, false, plan,
                line -> console.accept("     " + line)));
    }
}
