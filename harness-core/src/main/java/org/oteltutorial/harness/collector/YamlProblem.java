package org.oteltutorial.harness.collector;

import java.util.ArrayList;
import java.util.List;

/** A YAML syntax error as one line: the parser's context and problem, without the source snippets it quotes. */
public final class YamlProblem {

    private YamlProblem() {
    }

    /**
     * @param parserMessage e.g. SnakeYAML's {@code "while parsing a flow sequence\n in reader, line 6, column 6:\n
     *     k: [x\n ^\nexpected ',' or ']', but got <stream end>\n ..."}
     * @return e.g. {@code "while parsing a flow sequence; expected ',' or ']', but got <stream end>"}
     */
    public static String oneLine(String parserMessage) {
        if (parserMessage == null) {
            return "";
        }
        String[] lines = parserMessage.split("\\R");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.matches("in .*, line \\d+, column \\d+:?")) {
                if (line.endsWith(":")) {
                    i += 2; // the quoted source line and its caret
                }
                continue;
            }
            if (!line.isEmpty()) {
                kept.add(line);
            }
        }
        return String.join("; ", kept);
    }
}
