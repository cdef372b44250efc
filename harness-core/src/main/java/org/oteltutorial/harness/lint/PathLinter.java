package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every reader's-path rule; findings sorted errors first, then by chapter line. */
public final class PathLinter {

    private final List<PathRule> rules;

    public PathLinter(List<PathRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static PathLinter standard() {
        return new PathLinter(List.of(new SpmAppliedRule(), new RedClaimsRule(), new HeadSamplingRule(), new LeftRunningRule(),
                new ReleaseImageRule(), new LoadGeneratorRule(), new MovingReferenceRule(), new ChapterEnvRule(), new ChapterDiffRule(),
                new ChapterMetricRule()));
    }

    public List<PathRule> rules() {
        return rules;
    }

    public List<Finding> lint(PathContext context) {
        List<Finding> findings = new ArrayList<>();
        rules.forEach(r -> findings.addAll(r.check(context)));
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::location));
        return findings;
    }
}
