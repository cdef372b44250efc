package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.naming.NameDerivation;
import org.oteltutorial.harness.naming.StackNames;

/**
 * A RED metric name the chapter's text tells the reader to query (in backticks, or a Prometheus link's
 * {@code g0.expr=}) is a name Prometheus will hold for the reader's state at these versions.
 */
final class ChapterMetricRule implements PathRule {

    private static final Pattern QUOTED = Pattern.compile("`([a-zA-Z_:][a-zA-Z0-9_:]*(_total|_bucket|_sum|_count|_\\*))`|[?&]g0\\.expr=([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Pattern RED = Pattern.compile("(?i).*(calls|duration|latency).*");

    @Override
    public String id() {
        return "chapter-metric";
    }

    @Override
    public String description() {
        return "the RED metric names a chapter tells the reader to query are the names Prometheus will hold";
    }

    @Override
    public List<Finding> check(PathContext context) {
        Optional<NameDerivation> produced = StackNames.produced(context.model(), context.topology());
        Optional<MetricNames> names = produced.flatMap(NameDerivation::names);
        if (!context.hasSpanmetrics() || names.isEmpty()) {
            return List.of();
        }
        Set<String> held = Set.of(names.get().calls(), names.get().durationBucket(), names.get().durationSum(), names.get().durationCount());
        List<Finding> findings = new ArrayList<>();
        String chapter = context.path().lastChapter();
        List<String> text = context.path().chapterText(chapter);
        for (int i = 0; i < text.size(); i++) {
            Set<String> seen = new LinkedHashSet<>();
            Matcher m = QUOTED.matcher(text.get(i));
            while (m.find()) {
                seen.add(m.group(1) != null ? m.group(1) : m.group(3));
            }
            for (String name : seen) {
                if (!RED.matcher(name).matches()) {
                    continue;
                }
                boolean ok = name.endsWith("_*") ? held.stream().anyMatch(h -> h.startsWith(name.substring(0, name.length() - 1)))
                        : held.contains(name);
                String location = chapter + ":" + (i + 1);
                if (ok) {
                    context.notes().accept(location + ": " + name + " is a name Prometheus will hold (" + names.get().calls() + ", "
                            + names.get().durationBucket() + ")");
                } else {
                    findings.add(PathContext.at(Severity.ERROR, id(), location, name, location + " tells the reader to query " + name
                            + ", but at these versions Prometheus will hold " + names.get().calls() + " and " + names.get().durationBucket()
                            + " (" + produced.get().explain() + "). Fix: name the metric Prometheus holds"));
                }
            }
        }
        return findings;
    }
}
