package org.oteltutorial.harness.query;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of a Prometheus instant query, with the warnings and infos Prometheus attached to it.
 * A {@code scalar} result is represented as one sample without labels.
 */
public record InstantVector(List<Sample> samples, List<String> warnings, List<String> infos) {

    public InstantVector {
        samples = List.copyOf(samples);
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }

    public InstantVector(List<Sample> samples) {
        this(samples, List.of(), List.of());
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    public int size() {
        return samples.size();
    }

    /**
     * The only sample.
     *
     * @throws IllegalStateException naming what was there, when there is not exactly one sample
     */
    public Sample single() {
        if (samples.size() != 1) {
            throw new IllegalStateException("expected exactly one sample but got " + samples.size() + ": " + samples);
        }
        return samples.get(0);
    }

    /** The sum of all sample values; 0 for an empty vector, NaN if any value is NaN. */
    public double sum() {
        return samples.stream().mapToDouble(Sample::value).sum();
    }

    /** Sample values summed per value of {@code label}; samples without that label are grouped under "". */
    public Map<String, Double> sumBy(String label) {
        Map<String, Double> sums = new TreeMap<>();
        samples.forEach(sample -> sums.merge(sample.labels().getOrDefault(label, ""), sample.value(), Double::sum));
        return sums;
    }
}
