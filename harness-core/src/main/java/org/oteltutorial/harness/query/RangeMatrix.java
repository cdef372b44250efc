package org.oteltutorial.harness.query;

import java.util.List;

/** The result of a Prometheus range query, with the warnings and infos Prometheus attached to it. */
public record RangeMatrix(List<RangeSeries> series, List<String> warnings, List<String> infos) {

    public RangeMatrix {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }

    public RangeMatrix(List<RangeSeries> series) {
        this(series, List.of(), List.of());
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /**
     * The only series.
     *
     * @throws IllegalStateException naming the label sets that were there, when there is not exactly one series
     */
    public RangeSeries single() {
        if (series.size() != 1) {
            throw new IllegalStateException("expected exactly one series but got " + series.size() + ": "
                    + series.stream().map(RangeSeries::labels).toList());
        }
        return series.get(0);
    }
}
