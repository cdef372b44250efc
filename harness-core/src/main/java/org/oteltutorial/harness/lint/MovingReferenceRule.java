package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oteltutorial.harness.reader.ChapterLine;
import org.oteltutorial.harness.tutorial.ImageRef;
import org.oteltutorial.harness.tutorial.Workload;

/** URLs of the repository's own files on a branch, and mutable image tags: what a reader gets can change under them. */
final class MovingReferenceRule implements PathRule {

    @Override
    public String id() {
        return "moving-reference";
    }

    @Override
    public String description() {
        return "the chapters' URLs and images name fixed versions";
    }

    @Override
    public List<Finding> check(PathContext context) {
        List<Finding> findings = new ArrayList<>();
        Optional<String> commit = context.path().checkout().commit();
        String at = commit.map(c -> "commit " + c.substring(0, Math.min(12, c.length())) + " of the checkout").orElse("the checkout as found");
        for (Map.Entry<String, List<ChapterLine>> url : context.path().movingRefs().entrySet()) {
            String path = path(context, url.getKey());
            findings.add(PathContext.at(Severity.WARNING, id(), url.getValue().get(0).location(), path, url.getKey()
                    + " names a branch, not a commit: the harness read " + path + " at " + at + ", while a reader gets whatever the"
                    + " branch holds when they run the command (" + PathContext.lines(url.getValue()) + "). Fix: pin the URLs to a"
                    + " tag or commit for a workshop"));
        }
        for (Workload w : context.model().workloads()) {
            for (var c : w.containers()) {
                if (c.getImage() == null || !ImageRef.parse(c.getImage()).isMutable()) {
                    continue;
                }
                String file = w.source().origin();
                String applied = Optional.ofNullable(context.path().files().get(file)).map(l -> l.get(0).location()).orElse(w.source().location());
                findings.add(PathContext.at(Severity.WARNING, id(), applied, w.describe(), "image " + c.getImage() + " (" + w.source().location()
                        + ") is a mutable tag: at " + at + " it names whatever was pushed last, and the repository pins no digest, so"
                        + " two readers can run different builds. Fix: publish and use versioned tags"));
            }
        }
        return findings;
    }

    private static String path(PathContext context, String url) {
        return context.path().files().keySet().stream().filter(url::endsWith).findFirst().orElse(url);
    }
}
