package org.oteltutorial.harness.reader;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words the way a POSIX shell quotes them: single quotes, double quotes, backslashes. */
final class ShellWords {

    private ShellWords() {
    }

    /** Words, with the control operators {@code ;}, {@code &&}, {@code ||}, {@code |} and {@code &} as words of their own. */
    static List<String> split(ChapterLine at) {
        String s = at.text();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new ChapterCommandException(at, "a single quote is never closed");
                }
                word = (word == null ? new StringBuilder() : word).append(s, i + 1, end);
                i = end;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                int j = i + 1;
                for (; j < s.length() && s.charAt(j) != '"'; j++) {
                    if (s.charAt(j) == '\\' && j + 1 < s.length() && "\"\\$`".indexOf(s.charAt(j + 1)) >= 0) {
                        j++;
                    }
                    word.append(s.charAt(j));
                }
                if (j >= s.length()) {
                    throw new ChapterCommandException(at, "a double quote is never closed");
                }
                i = j;
            } else if (c == '\\' && i + 1 < s.length()) {
                word = (word == null ? new StringBuilder() : word).append(s.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                word = flush(words, word);
            } else if (c == ';' || c == '|' || c == '&') {
                word = flush(words, word);
                boolean doubled = i + 1 < s.length() && s.charAt(i + 1) == c && c != ';';
                words.add(doubled ? "" + c + c : "" + c);
                i += doubled ? 1 : 0;
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        flush(words, word);
        return words;
    }

    private static StringBuilder flush(List<String> words, StringBuilder word) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }
}
