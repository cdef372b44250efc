package org.oteltutorial.harness.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.oteltutorial.harness.check.SelfCheck;
import org.oteltutorial.harness.check.SelfCheckReport;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.report.RunSummary;
import org.oteltutorial.harness.report.SummaryWriter;
import org.oteltutorial.harness.run.RunPipeline;
import org.oteltutorial.harness.run.RunRequest;
import org.oteltutorial.harness.run.RunSource;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.Stack;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.stack.cluster.ClusterStackProvider;
import org.oteltutorial.harness.stack.cluster.ClusterTarget;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.tutorial.StackModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness check}: the workshop self-check of an existing cluster. Reads the step-06 objects, says which step is
 * missing or wrong and how to fix it, then port-forwards, sends seeded traffic and verifies, changing nothing.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Read-only self-check of your cluster at step 06 of the tutorial: what is missing or wrong, and the fix.",
                "Exit 0: the chapter works on your cluster; 1: a step is missing or a check failed; 2: the cluster cannot be reached."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--report", paramLabel = "DIR", description = "Report directory. Default: target/harness-reports/check-<time>.")
    private Path report;

    @Option(names = "--static-only", description = "Only read and advise; send no traffic.")
    private boolean staticOnly;

    @Mixin
    private TutorialOptions tutorial;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Optional<TutorialInput> reader = tutorial.read();
        ClusterTarget target = new ClusterTarget(Optional.ofNullable(cluster.kubeconfig), Optional.ofNullable(cluster.context),
                Optional.ofNullable(cluster.as));
        try {
            target.checkReachable(ClusterStackProvider.REACH_TIMEOUT);
        } catch (EnvironmentException e) {
            throw new BadInputException(e.getMessage());
        }
        Path reportDir = (report != null ? report : Path.of("target", "harness-reports",
                "check-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        try (SelfCheck check = SelfCheck.connect(target)) {
            SelfCheckReport found = check.inspect();
            found.lines().forEach(out::println);
            reader.ifPresent(r -> new ReaderComparison(r).lines(found.model()).forEach(out::println));
            out.flush();
            String source = "the cluster " + target.describe();
            TrafficPlan plan = TrafficPlan.builder().build();
            if (staticOnly || !found.backendRunning()) {
                if (!staticOnly) {
                    out.println("check: no collector, Prometheus and Jaeger to send traffic to; the RED checks are not run");
                }
                RunSummary summary = RunSummary.of("cluster (self-check)", plan.runId(), source, found.checks(), java.util.List.of(), java.util.List.of(), false);
                new SummaryWriter().write(reportDir, summary);
                return finish(summary, reportDir);
            }
            // Every finding is reported, and the RED checks still run where the backend does (e.g. without the operator).
            StackModel model = found.model().orElseThrow();
            RunSummary red = new RunPipeline().run(new RunRequest(model.manifests(), RunSource.named(source), new Attached(check, found), reportDir, false,
                    false, plan, line -> {
                        out.println(line);
                        out.flush();
                    }));
            java.util.List<CheckResult> all = new java.util.ArrayList<>(found.checks());
            all.addAll(red.checks());
            RunSummary summary = RunSummary.of(red.stack(), red.runId(), source, all, red.phases(), red.notes(), false);
            new SummaryWriter().write(reportDir, summary);
            return finish(summary, reportDir);
        }
    }

    private int finish(RunSummary summary, Path reportDir) {
        var out = spec.commandLine().getOut();
        long failed = summary.checks().stream().filter(CheckResult::failed).count();
        out.println(summary.verdict().toUpperCase(java.util.Locale.ROOT) + ": " + summary.checks().size() + " checks, " + failed
                + " failed. Report: " + reportDir.resolve("summary.md"));
        out.flush();
        return summary.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The cluster as it is: port-forwards only, nothing created or deleted. */
    private record Attached(SelfCheck check, SelfCheckReport found) implements StackProvider {

        @Override
        public String name() {
            return "cluster (self-check)";
        }

        @Override
        public void checkEnvironment() {
            // reachability was checked before the inspection
        }

        @Override
        public Stack start(StackModel model, StackContext context) {
            return check.attach(found, context);
        }
    }
}
