package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import org.oteltutorial.harness.reader.HeldObject;

/**
 * A collector an earlier chapter created is still running at the chosen chapter ({@code kubectl apply} never deletes
 * what a newer file no longer lists) while nothing sends to it any more.
 */
final class LeftRunningRule implements PathRule {

    @Override
    public String id() {
        return "collector-left-running";
    }

    @Override
    public String description() {
        return "no collector of an earlier chapter is left running with nothing sending to it";
    }

    @Override
    public List<Finding> check(PathContext context) {
        List<HeldObject> collectors = context.path().objects().stream().filter(o -> o.kind().equals("OpenTelemetryCollector")).toList();
        List<Finding> findings = new ArrayList<>();
        for (HeldObject c : collectors) {
            if (c.changedAt().chapter().equals(context.path().lastChapter())) {
                continue;
            }
            String service = c.name() + "-collector";
            // the operator's Services are <name>-collector…; a resolver may also name the CR's host, <name>.<namespace>
            boolean reached = context.path().objects().stream().filter(o -> o != c).map(o -> o.live().toString())
                    .anyMatch(text -> text.contains(service) || text.contains(c.name() + "." + c.namespace()));
            if (reached) {
                continue;
            }
            findings.add(PathContext.at(Severity.WARNING, id(), c.changedAt().location(), c.describe(), c.describe() + " from " + c.origin()
                    + " (applied at " + c.changedAt().location() + ") still runs at " + context.path().lastChapter() + ": kubectl apply"
                    + " never deletes it, and no other object sends to " + service + " any more, so it idles and holds resources"
                    + " (and a reader may look at its logs). Fix: `kubectl delete opentelemetrycollector " + c.name() + " -n "
                    + c.namespace() + "` in " + context.path().lastChapter()));
        }
        return findings;
    }
}
