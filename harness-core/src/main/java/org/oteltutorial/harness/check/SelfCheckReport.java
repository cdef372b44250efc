package org.oteltutorial.harness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.tutorial.StackModel;

/**
 * What {@link SelfCheck#inspect()} found: advice per missing or wrong step, the lint of the cluster's state, the
 * model read from the cluster (absent when it could not be built) and the raw snapshot.
 */
public record SelfCheckReport(String cluster, List<Advice> advice, LintResult lint, Optional<StackModel> model, ClusterSnapshot snapshot) {

    public SelfCheckReport {
        advice = List.copyOf(advice);
    }

    public List<Advice> errors() {
        return advice.stream().filter(Advice::isError).toList();
    }

    public List<Advice> warnings() {
        return advice.stream().filter(a -> !a.isError()).toList();
    }

    /** The step-06 state is reached as far as reading can tell: traffic and verification can follow. */
    public boolean ready() {
        return errors().isEmpty() && model.isPresent() && model.get().collector().isPresent() && model.get().prometheus().isPresent()
                && model.get().jaeger().isPresent();
    }

    /**
     * The collector (with a config the check could read), Prometheus and Jaeger are there, so the RED checks can run
     * even when a step is missing (e.g. the operator, when the collector was deployed another way).
     */
    public boolean backendRunning() {
        return model.isPresent() && model.get().collector().isPresent() && model.get().prometheus().isPresent() && model.get().jaeger().isPresent();
    }

    /** Each finding as a check of the summary: errors fail, warnings pass with their advice. */
    public List<org.oteltutorial.harness.report.CheckResult> checks() {
        List<org.oteltutorial.harness.report.CheckResult> checks = new ArrayList<>();
        for (Advice a : advice) {
            String name = "self-check [" + a.step() + "]";
            checks.add(a.isError() ? org.oteltutorial.harness.report.CheckResult.fail(name, "the step applied and ready", a.problem(), "fix: " + a.fix())
                    : org.oteltutorial.harness.report.CheckResult.pass(name, "no problem", "warning: " + a.problem(), "fix: " + a.fix()));
        }
        if (advice.isEmpty()) {
            checks.add(org.oteltutorial.harness.report.CheckResult.pass("self-check", "every step applied and ready", "all found", "read-only inspection"));
        }
        return checks;
    }

    /** The report as console lines: a verdict, then each piece of advice, errors first. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("self-check of " + cluster + ": " + (ready() ? "the step-06 state is in place (read-only check)"
                : errors().size() + " problem(s) keep it from the step-06 state"));
        for (Advice a : errors()) {
            lines.addAll(List.of(a.render().split("\n")));
        }
        for (Advice a : warnings()) {
            lines.addAll(List.of(a.render().split("\n")));
        }
        return lines;
    }
}
