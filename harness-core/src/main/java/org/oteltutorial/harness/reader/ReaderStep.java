package org.oteltutorial.harness.reader;

/**
 * One command of the reader's path and what came of it.
 *
 * @param executed whether the harness carried it out on the state (release steps and read-only commands are not)
 */
public record ReaderStep(ChapterLine at, boolean executed, String outcome) {

    public String describe() {
        return at.location() + "  " + (executed ? "" : "[not executed] ") + at.text() + "  → " + outcome;
    }
}
