package org.oteltutorial.harness.reader;

/** A command line a reader types, and where the chapter shows it. */
public record ChapterLine(String chapter, int line, String text) {

    /** {@code chapter.md:line}. */
    public String location() {
        return chapter + ":" + line;
    }
}
