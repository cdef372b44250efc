package org.oteltutorial.harness.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One series of a Prometheus range query: its label set and its points in time order. */
public record RangeSeries(Map<String, String> labels, List<Point> points) {

    public RangeSeries {
        labels = Labels.copyOf(labels);
        points = List.copyOf(points);
    }

    public Optional<Point> last() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }

    public double[] values() {
        return points.stream().mapToDouble(Point::value).toArray();
    }
}
