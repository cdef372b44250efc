package org.oteltutorial.harness.naming;

import java.util.Locale;
import java.util.Map;

/** OTLP metric name → Prometheus metric name: character escaping, unit suffix, {@code _total} for monotonic sums. */
final class PromNameTranslation {

    private static final Map<String, String> UNIT_WORDS = Map.of("ms", "milliseconds", "s", "seconds", "us", "microseconds",
            "ns", "nanoseconds", "min", "minutes", "h", "hours", "By", "bytes");

    private PromNameTranslation() {
    }

    static String translate(String otelName, String unit, boolean monotonicSum, boolean escape, boolean suffixes) {
        String name = escape ? escape(otelName) : otelName;
        if (suffixes) {
            String word = unit == null || unit.isEmpty() ? "" : UNIT_WORDS.getOrDefault(unit, escape(unit).toLowerCase(Locale.ROOT));
            if (!word.isEmpty() && !name.endsWith("_" + word)) {
                name = name + "_" + word;
            }
            if (monotonicSum && !name.endsWith("_total")) {
                name = name + "_total";
            }
        }
        return name;
    }

    /** Every run of characters other than letters and digits becomes one {@code _}. */
    static String escape(String name) {
        return String.join("_", java.util.Arrays.stream(name.split("[^a-zA-Z0-9]+")).filter(s -> !s.isEmpty()).toList());
    }

    static String unitWord(String unit) {
        return UNIT_WORDS.getOrDefault(unit, unit);
    }
}
