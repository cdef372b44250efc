package org.oteltutorial.harness.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromNameTranslationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"calls, calls", "traces.span.metrics.calls, traces_span_metrics_calls", "a..b--c, a_b_c", "http.server/duration, http_server_duration"})
    void runsOfOtherCharactersBecomeOneUnderscore(String name, String escaped) {
        assertThat(PromNameTranslation.escape(name)).isEqualTo(escaped);
    }

    @ParameterizedTest(name = "{0} unit {1} monotonic {2} -> {3}")
    @CsvSource(textBlock = """
            calls,                 '',  true,  calls_total
            calls_total,           '',  true,  calls_total
            duration,              ms,  false, duration_milliseconds
            duration_milliseconds, ms,  false, duration_milliseconds
            duration,              s,   false, duration_seconds
            size,                  By,  false, size_bytes
            """)
    void suffixesAreAddedOnce(String name, String unit, boolean monotonic, String expected) {
        assertThat(PromNameTranslation.translate(name, unit, monotonic, true, true)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "escape {0} suffixes {1} -> {2}")
    @CsvSource({"true, false, a_calls", "false, true, a.calls_total", "false, false, a.calls"})
    void escapingAndSuffixesCanBeSwitchedOff(boolean escape, boolean suffixes, String expected) {
        assertThat(PromNameTranslation.translate("a.calls", "", true, escape, suffixes)).isEqualTo(expected);
    }
}
