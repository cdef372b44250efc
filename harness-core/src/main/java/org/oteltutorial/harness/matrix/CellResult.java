package org.oteltutorial.harness.matrix;

import java.util.List;
import java.util.Map;

/**
 * What a cell showed: lint and the full local run on the manifests as written (with the cell's versions), the advice
 * when they fail, and the run on the advised copy ({@code advisedRun} is null when no advice was needed or found).
 */
public record CellResult(String id, Map<String, String> versions, String lint, String run, List<String> failed,
        List<AdviceItem> advice, String advisedRun, double seconds) {

    public static final String PASS = "pass";
    public static final String FAIL = "fail";

    public CellResult {
        versions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(versions));
        failed = List.copyOf(failed);
        advice = List.copyOf(advice);
    }

    /** Works as written. */
    public boolean passed() {
        return PASS.equals(lint) && PASS.equals(run);
    }
}
