package org.oteltutorial.harness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.reader.HeldObject;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StackModel;

/**
 * {@code check --tutorial}: what the reader's path says about an attendee's cluster. The path's hazards (each with its
 * chapter line and fix), and the objects the path creates that the cluster lacks, among the kinds the self-check reads.
 */
final class ReaderComparison {

    private final TutorialInput reader;

    ReaderComparison(TutorialInput reader) {
        this.reader = reader;
    }

    List<String> lines(Optional<StackModel> cluster) {
        List<String> lines = new ArrayList<>();
        lines.add("tutorial: compared with " + reader.describe());
        for (Finding f : reader.findings()) {
            lines.add("tutorial: " + f.severity() + " " + f.rule() + " " + f.location() + " " + f.resource() + ": " + f.message());
        }
        cluster.ifPresent(model -> {
            Set<String> kinds = model.manifests().resources().stream().map(SourcedResource::kind).collect(Collectors.toSet());
            Set<String> present = model.manifests().resources().stream().map(r -> r.kind() + " " + r.namespace() + "/" + r.name())
                    .collect(Collectors.toSet());
            for (HeldObject o : reader.path().objects()) {
                String name = o.kind() + " " + o.namespace() + "/" + o.name();
                if (kinds.contains(o.kind()) && !present.contains(name)) {
                    lines.add("tutorial: " + name + " (from " + o.origin() + ", applied at " + o.changedAt().location()
                            + ") is on the reader's path but not in the cluster: run that step (" + o.changedAt().text() + ")");
                }
            }
        });
        return lines;
    }
}
