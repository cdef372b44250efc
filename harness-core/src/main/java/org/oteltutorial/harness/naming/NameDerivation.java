package org.oteltutorial.harness.naming;

import java.util.List;
import java.util.Optional;

/**
 * Names derived from versions and settings, with the steps that led to them, so a mismatch can be explained.
 * {@code names} is empty when they cannot be known (e.g. an image without a version tag); {@code steps} says why.
 */
public record NameDerivation(Optional<MetricNames> names, List<String> steps) {

    public NameDerivation {
        steps = List.copyOf(steps);
    }

    public static NameDerivation unknown(String why) {
        return new NameDerivation(Optional.empty(), List.of(why));
    }

    public String explain() {
        return String.join("; ", steps);
    }
}
