package org.oteltutorial.harness.collector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

class YamlProblemTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'a: [x\\n'                  | while parsing a flow sequence; expected ',' or ']', but got <stream end>
            'a: b: c\\n'                | mapping values are not allowed here
            'a:\\n  b: {c: d}\\n e: f\\n' | while parsing a block mapping; expected <block end>, but found '<block mapping start>'
            'a: ''unclosed\\n'          | while scanning a quoted scalar; found unexpected end of stream
            """)
    void dropsTheQuotedSourceLines(String yaml, String oneLine) {
        String text = yaml.replace("\\n", "\n");
        JacksonException e = org.junit.jupiter.api.Assertions.assertThrows(JacksonException.class,
                () -> YAMLMapper.builder().build().readTree(text));

        assertThat(e.getOriginalMessage()).contains("\n");
        assertThat(YamlProblem.oneLine(e.getOriginalMessage())).isEqualTo(oneLine);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain message          | plain message
            ' in x, line 1, column 2' | ''
            """)
    void keepsMessagesWithoutSnippets(String message, String oneLine) {
        assertThat(YamlProblem.oneLine(message)).isEqualTo(oneLine);
        assertThat(YamlProblem.oneLine(null)).isEmpty();
    }
}
