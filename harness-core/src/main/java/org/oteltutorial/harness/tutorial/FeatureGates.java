package org.oteltutorial.harness.tutorial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code --feature-gates} sets, as the collector's featuregate flag reads it: a comma list of gate ids, each
 * optionally prefixed {@code +} (on) or {@code -} (off); a later mention wins.
 */
public record FeatureGates(Map<String, Boolean> set) {

    public static final String FLAG = "feature-gates";

    public FeatureGates {
        set = Map.copyOf(set);
    }

    public static FeatureGates none() {
        return new FeatureGates(Map.of());
    }

    public static FeatureGates of(List<String> values) {
        Map<String, Boolean> set = new LinkedHashMap<>();
        for (String value : values) {
            String id = value.trim();
            boolean on = !id.startsWith("-");
            if (id.startsWith("-") || id.startsWith("+")) {
                id = id.substring(1);
            }
            if (!id.isEmpty()) {
                set.put(id, on);
            }
        }
        return new FeatureGates(set);
    }

    /** Whether the flag turns the gate on ({@code true}) or off ({@code false}); empty when it leaves it at its default. */
    public Optional<Boolean> explicit(String gate) {
        return Optional.ofNullable(set.get(gate));
    }

    /** The gate's state given its default stage (on for beta, off for alpha). */
    public boolean enabled(String gate, boolean onByDefault) {
        return explicit(gate).orElse(onByDefault);
    }

    /** The flag's value as the collector takes it, e.g. {@code +a,-b}. */
    public String flagValue() {
        return String.join(",", set.entrySet().stream().map(e -> (e.getValue() ? "+" : "-") + e.getKey()).toList());
    }
}
