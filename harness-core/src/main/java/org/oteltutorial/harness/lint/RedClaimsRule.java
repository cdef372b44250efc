package org.oteltutorial.harness.lint;

import java.util.List;
import java.util.Map;
import org.oteltutorial.harness.reader.ChapterLine;
import org.oteltutorial.harness.reader.HeldObject;

/**
 * A later chapter takes the spanmetrics connector away again (07 replaces the collector with a config without it):
 * the RED chapter's claims no longer hold at that chapter.
 */
final class RedClaimsRule implements PathRule {

    @Override
    public String id() {
        return "red-claims";
    }

    @Override
    public String description() {
        return "the RED chapter's spanmetrics connector is still in the collector at the chosen chapter";
    }

    @Override
    public List<Finding> check(PathContext context) {
        if (context.hasSpanmetrics()) {
            return List.of();
        }
        for (Map.Entry<String, List<ChapterLine>> applied : context.path().files().entrySet()) {
            boolean hadSpanmetrics = context.files().lines(applied.getKey()).stream().anyMatch(l -> l.strip().startsWith("spanmetrics"));
            if (!hadSpanmetrics) {
                continue;
            }
            ChapterLine added = applied.getValue().get(0);
            return context.path().objects().stream().filter(o -> o.kind().equals("OpenTelemetryCollector"))
                    .filter(o -> o.changedAt().chapter().compareTo(added.chapter()) > 0)
                    .map(o -> finding(context, o, applied.getKey(), added)).limit(1).toList();
        }
        return List.of();
    }

    private Finding finding(PathContext context, HeldObject collector, String redFile, ChapterLine added) {
        return PathContext.at(Severity.ERROR, id(), collector.changedAt().location(), collector.describe(), collector.changedAt().location()
                + " leaves " + collector.describe() + " with the config of " + collector.origin() + ", which has no spanmetrics connector:"
                + " the RED claims of " + added.chapter() + " (" + redFile + ", applied at " + added.location() + ") no longer hold at "
                + context.path().lastChapter() + " (no calls_total or duration series, an empty Monitor tab in Jaeger). Validate the"
                + " RED chapter with --chapter " + added.chapter() + ", or keep the connector in " + collector.origin());
    }
}
