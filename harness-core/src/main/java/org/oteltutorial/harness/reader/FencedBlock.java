package org.oteltutorial.harness.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a chapter.
 *
 * @param tag the info string's language, lower case ({@code ""} when untagged)
 * @param firstLine the 1-based chapter line of the block's first content line
 */
public record FencedBlock(String chapter, String tag, int firstLine, List<String> lines) {

    private static final Pattern FENCE = Pattern.compile("^\\s*```+\\s*([\\w-]*).*$");

    public FencedBlock {
        lines = List.copyOf(lines);
    }

    /** The chapter line of content line {@code index} (0-based). */
    public int lineOf(int index) {
        return firstLine + index;
    }

    public String location() {
        return chapter + ":" + firstLine;
    }

    public static List<FencedBlock> of(String chapter, List<String> chapterLines) {
        List<FencedBlock> blocks = new ArrayList<>();
        String tag = null;
        int start = 0;
        List<String> content = new ArrayList<>();
        for (int i = 0; i < chapterLines.size(); i++) {
            Matcher fence = FENCE.matcher(chapterLines.get(i));
            if (!fence.matches()) {
                if (tag != null) {
                    content.add(chapterLines.get(i));
                }
                continue;
            }
            if (tag == null) {
                tag = fence.group(1).toLowerCase(Locale.ROOT);
                start = i + 2;
                content = new ArrayList<>();
            } else {
                blocks.add(new FencedBlock(chapter, tag, start, content));
                tag = null;
            }
        }
        return blocks;
    }
}
