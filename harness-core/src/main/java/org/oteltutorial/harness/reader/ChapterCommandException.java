package org.oteltutorial.harness.reader;

/** A chapter command the harness cannot read; the message starts with {@code chapter.md:line}. */
public final class ChapterCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ChapterCommandException(ChapterLine at, String problem) {
        super(at.location() + ": cannot read the command '" + at.text() + "': " + problem);
    }
}
