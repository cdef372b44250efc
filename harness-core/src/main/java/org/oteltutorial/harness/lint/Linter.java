package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oteltutorial.harness.tutorial.StackModel;

/** Runs every rule over a stack model. */
public final class Linter {

    private final List<Rule> rules;

    public Linter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Linter standard() {
        return new Linter(List.of(new CollectorConfigRule(), new PipelineReferencesRule(), new ConnectorWiringRule(),
                new UnusedComponentRule(),
                new RedUnsampledRule(), new RedReachesPrometheusRule(), new MetricNamesRule(), new PrometheusReceiverFlagRule(),
                new EndpointsRule(), new JaegerSpmRule(), new JaegerV2FlagsRule(), new CollectorComponentNamesRule(),
                new CollectorFeatureGatesRule(), new PrometheusTranslationRule(), new ImageRule()));
    }

    private static String file(Finding f) {
        int colon = f.location().lastIndexOf(':');
        return colon < 0 ? f.location() : f.location().substring(0, colon);
    }

    private static int line(Finding f) {
        int colon = f.location().lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(f.location().substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    public LintResult lint(StackModel model) {
        LintContext context = LintContext.of(model);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.check(context));
        }
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Linter::file).thenComparingInt(Linter::line));
        return new LintResult(findings);
    }
}
