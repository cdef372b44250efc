package org.oteltutorial.harness.collector;

import java.util.Locale;
import java.util.Optional;

/** The telemetry signal a pipeline carries. */
public enum Signal {
    TRACES, METRICS, LOGS;

    public static Optional<Signal> parse(String text) {
        for (Signal s : values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
