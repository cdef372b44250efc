package org.oteltutorial.harness.run;

import java.util.List;
import org.oteltutorial.harness.lint.Finding;

/**
 * What a run validates, as the report names it, with what reading it found before any stack exists: the reader's
 * path findings (hazards, chapter-text agreement) join the lint's, and its steps ({@code chapter.md:line}) the notes.
 */
public record RunSource(String description, List<Finding> findings, List<String> notes) {

    public RunSource {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** A source with nothing but its name (the bundled rendering, a directory, a cluster). */
    public static RunSource named(String description) {
        return new RunSource(description, List.of(), List.of());
    }
}
