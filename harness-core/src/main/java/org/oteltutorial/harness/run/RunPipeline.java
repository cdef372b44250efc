package org.oteltutorial.harness.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.lint.Linter;
import org.oteltutorial.harness.query.JaegerQueryException;
import org.oteltutorial.harness.query.PrometheusQueryException;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.report.PhaseClock;
import org.oteltutorial.harness.report.RunSummary;
import org.oteltutorial.harness.report.SummaryWriter;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.Stack;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.stack.cluster.KubernetesStack;
import org.oteltutorial.harness.traffic.TrafficExportException;
import org.oteltutorial.harness.traffic.TrafficGenerator;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.verify.RedExpectations;
import org.oteltutorial.harness.verify.RedVerifier;
import org.oteltutorial.harness.verify.SentTraffic;

/**
 * A run, as data flows: manifests → model → lint → stack up → traffic (a primer wave that creates every series, then
 * the main wave) → verify → report → stack down.
 */
public final class RunPipeline {

    /** Game requests a reader's browser would send, where the demo app runs. */
    private static final int TUTORIAL_REQUESTS = 20;

    @SuppressWarnings("try") // a phase is timed by a try-with-resources block that does not use its handle
    public RunSummary run(RunRequest request) {
        PhaseClock clock = new PhaseClock(request.console());
        List<CheckResult> checks = new ArrayList<>();
        List<String> notes = new ArrayList<>(request.source().notes());
        TrafficPlan plan = request.plan();
        StackModel model;
        try (var phase = clock.start("model")) {
            model = StackModel.from(request.manifests());
        }
        if (request.lint()) {
            LintResult lint;
            try (var phase = clock.start("lint")) {
                lint = Linter.standard().lint(model).with(request.source().findings());
            }
            // the phase is closed before the summary is written, so it is in it
            lint.warnings().forEach(w -> notes.add("lint warning [" + w.rule() + "] " + w.location() + " " + w.resource() + ": " + w.message()));
            if (!lint.passed()) {
                lint.errors().forEach(e -> checks.add(lintFailure(e)));
                return finish(request, clock, checks, notes, plan.runId());
            }
            checks.add(CheckResult.pass("lint", "no errors", lint.warnings().size() + " warnings", "static preflight"));
        }
        request.provider().checkEnvironment();
        Stack stack;
        try (var phase = clock.start("stack up (" + request.provider().name() + ")")) {
            stack = request.provider().start(model, new StackContext(request.reportDir(), request.console(), request.keepOnFailure(), request.keep()));
        } catch (StackStartException e) {
            checks.add(CheckResult.fail("stack up", "every component ready", "failed", e.getMessage()));
            return finish(request, clock, checks, notes, plan.runId());
        } catch (EnvironmentException e) {
            throw e;
        } catch (RuntimeException e) {
            // A client or container library failing (a refused list or watch, a container that does not start) is a
            // failed stack start too: it gets a summary like any other.
            checks.add(CheckResult.fail("stack up", "every component ready", "failed", e.getClass().getSimpleName() + ": " + e.getMessage()));
            return finish(request, clock, checks, notes, plan.runId());
        }
        try {
            notes.addAll(stack.notes());
            expectations(model, checks).ifPresent(expected -> runTraffic(request, clock, checks, model, expected, stack));
        } finally {
            if (checks.stream().anyMatch(CheckResult::failed)) {
                if (stack instanceof KubernetesStack kubernetes) {
                    LastAnswers last = LastAnswers.fetch(stack.endpoints(), plan.runId());
                    kubernetes.failureBundle().withLastPrometheusAnswer(last.prometheus()).withLastJaegerAnswer(last.jaeger());
                }
                stack.markFailed();
            }
            try (var phase = clock.start("stack down")) {
                stack.close();
            }
        }
        return finish(request, clock, checks, notes, plan.runId());
    }

    @SuppressWarnings("try") // as in run()
    private void runTraffic(RunRequest request, PhaseClock clock, List<CheckResult> checks, StackModel model, RedExpectations expected,
            Stack stack) {
        TrafficPlan plan = request.plan();
        Instant since = Instant.now().minus(plan.window());
        try (RedVerifier verifier = new RedVerifier(model, expected, stack.endpoints())) {
            SentTraffic sent = new ChapterWaves(TrafficGenerator.to(stack.endpoints().collectorOtlpGrpc()), verifier, clock).send(plan);
            try (var phase = clock.start("verify")) {
                checks.addAll(verifier.verify(sent, since, request.console()));
            }
            stack.endpoints().frontend().ifPresent(frontend -> {
                try (var phase = clock.start("tutorial app: game requests to the frontend, then its RED metrics")) {
                    checks.addAll(verifier.verifyDemoApp(model, frontend, since, TUTORIAL_REQUESTS));
                }
            });
        } catch (TrafficExportException e) {
            checks.add(CheckResult.fail("traffic", "spans delivered to the collector", "failed", e.getMessage()));
        } catch (PrometheusQueryException | JaegerQueryException e) {
            checks.add(CheckResult.fail("verify: a query", "Prometheus and Jaeger answer", "query failed", e.getMessage()));
        } catch (RuntimeException e) {
            checks.add(InternalError.record(e, request.reportDir(), request.console()));
        }
    }

    /** What the manifests say the metrics must be; a stack without a spanmetrics route to Prometheus fails here. */
    private static java.util.Optional<RedExpectations> expectations(StackModel model, List<CheckResult> checks) {
        try {
            return java.util.Optional.of(RedExpectations.of(model));
        } catch (IllegalArgumentException e) {
            checks.add(CheckResult.fail("expectations", "a spanmetrics connector whose metrics reach Prometheus", "none", e.getMessage()));
            return java.util.Optional.empty();
        }
    }

    private static CheckResult lintFailure(Finding f) {
        return CheckResult.fail("lint [" + f.rule() + "] " + f.resource(), "no error", "error at " + f.location(), f.message());
    }

    private static RunSummary finish(RunRequest request, PhaseClock clock, List<CheckResult> checks, List<String> notes, String runId) {
        RunSummary summary = RunSummary.of(request.provider().name(), runId, request.source().description(), checks, clock.phases(),
                notes, request.strict());
        new SummaryWriter().write(request.reportDir(), summary);
        return summary;
    }
}
