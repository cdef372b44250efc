package org.oteltutorial.harness.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.report.CheckStatus;
import org.oteltutorial.harness.report.RunSummary;
import org.oteltutorial.harness.run.RunPipeline;
import org.oteltutorial.harness.run.RunRequest;
import org.oteltutorial.harness.run.RunSource;
import org.oteltutorial.harness.run.TrafficFit;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.StackModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harness run}: lint, stack up, traffic, verify, report, stack down. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Validates the RED-metrics chapter end to end on a stack.",
                "Exit 0: every check passed; 1: a check failed; 2: bad input or an environment that cannot run the stack."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--stack", paramLabel = "STACK", defaultValue = "local", description = "local, kube, k3s or cluster (default: ${DEFAULT-VALUE}).")
    private String stack;

    @Option(names = "--manifests", paramLabel = "DIR", description = "The stack's manifests. Default: the bundled step-06 manifests.")
    private Path manifests;

    @Option(names = "--report", paramLabel = "DIR", description = "Report directory. Default: target/harness-reports/<time>-<run id>.")
    private Path report;

    @Option(names = "--no-lint", description = "Skip the static lint and run the dynamic checks alone.")
    private boolean noLint;

    @Option(names = "--keep-on-failure", description = "Keep processes, containers or cluster objects when a check fails.")
    private boolean keepOnFailure;

    @Option(names = "--keep", description = "Leave the stack running whatever the verdict (kube: writes REPORT/kubeconfig; stop it with ./harness down REPORT).")
    private boolean keep;

    @Option(names = "--strict", description = "Fail the run when any check is skipped (a skip compares nothing).")
    private boolean strict;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "2024", description = "Traffic seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "60", description = "Requests in the main wave (default: ${DEFAULT-VALUE}).")
    private int requests;

    @Mixin
    private ClusterOptions cluster;

    @Mixin
    private TutorialOptions tutorial;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        ManifestLoader loader = new ManifestLoader();
        if (tutorial.given() && manifests != null) {
            throw new BadInputException("give either --manifests or --tutorial, not both");
        }
        var reader = tutorial.read();
        Manifests loaded = reader.map(TutorialInput::state)
                .orElseGet(() -> manifests == null ? loader.bundled() : loader.fromPaths(List.of(manifests)));
        RunSource source = reader.map(TutorialInput::source).orElseGet(() ->
                RunSource.named(manifests == null ? Sources.bundled() : "the manifests in " + manifests.toAbsolutePath()));
        TrafficPlan plan = plan();
        List<String> misfit = TrafficFit.problems(plan, StackModel.from(loaded));
        if (!misfit.isEmpty()) {
            throw new BadInputException(String.join("; ", misfit));
        }
        Path reportDir = report != null ? report : Path.of("target", "harness-reports",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + plan.runId());
        reportDir = writable(reportDir.toAbsolutePath());
        StackProvider provider = StackProviders.byName(stack, cluster);
        try {
            provider.checkEnvironment();
        } catch (EnvironmentException e) {
            throw new BadInputException(e.getMessage());
        }
        out.println("harness run: stack " + stack + ", run id " + plan.runId() + ", report " + reportDir.toAbsolutePath());
        out.println("validating " + source.description());
        out.flush();
        RunSummary summary;
        try {
            summary = new RunPipeline().run(new RunRequest(loaded, source, provider, reportDir, !noLint, keepOnFailure, plan, line -> {
                out.println(line);
                out.flush();
            }, keep, strict));
        } catch (EnvironmentException e) {
            throw new BadInputException(e.getMessage());
        }
        printVerdict(summary, reportDir);
        return summary.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private TrafficPlan plan() {
        if (requests < 1) {
            throw new BadInputException("--requests must be at least 1");
        }
        try {
            return TrafficPlan.builder().withSeed(seed).withRequests(requests).build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The report directory exists and takes a file, or the run is bad input before anything starts. */
    private static Path writable(Path reportDir) {
        try {
            Files.createDirectories(reportDir);
            Files.delete(Files.createTempFile(reportDir, ".probe", ""));
            return reportDir;
        } catch (IOException | UnsupportedOperationException e) {
            String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : "it cannot be created, or takes no file";
            throw new BadInputException("--report " + reportDir + ": cannot write there (" + why
                    + "); pass a directory you can write, or leave --report out");
        }
    }

    private void printVerdict(RunSummary summary, Path reportDir) {
        var out = spec.commandLine().getOut();
        out.println();
        for (CheckResult c : summary.checks()) {
            if (c.failed()) {
                out.println("FAIL  " + c.name());
                out.println("      expected: " + c.expected());
                out.println("      observed: " + c.observed());
                out.println("      " + c.message());
            } else if (c.status() == CheckStatus.SKIP) {
                out.println("SKIP  " + c.name() + (strict ? " (--strict: a skip fails the run)" : ""));
                out.println("      " + c.message());
            }
        }
        out.printf("%s: %d checks, %d failed, %d skipped. Report: %s%n", summary.headline(), summary.checks().size(),
                summary.failed(), summary.skipped(), reportDir.resolve("summary.md").toAbsolutePath());
        out.flush();
    }
}
