package org.oteltutorial.harness.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The outcome of one check. */
public enum CheckStatus {
    PASS, FAIL, SKIP;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
