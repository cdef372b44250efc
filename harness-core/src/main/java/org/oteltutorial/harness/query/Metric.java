package org.oteltutorial.harness.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One series of a Jaeger SPM metric family: its labels ({@code service_name}, maybe the operation) and points. */
public record Metric(Map<String, String> labels, List<MetricPoint> points) {

    /** The label for the operation when grouping by operation. */
    public static final String OPERATION = "operation";
    /** What Jaeger 1.58.0, and only that release, called the operation label. */
    public static final String SPAN_NAME = "span_name";
    public static final String SERVICE_NAME = "service_name";

    public Metric {
        labels = Labels.copyOf(labels);
        points = List.copyOf(points);
    }

    /** The {@code service_name} label, which Jaeger always sets; "" if it is missing. */
    public String service() {
        return labels.getOrDefault(SERVICE_NAME, "");
    }

    /** The operation ({@code operation} label, or {@code span_name} from Jaeger 1.58.0); empty without grouping. */
    public Optional<String> operation() {
        return Optional.ofNullable(labels.getOrDefault(OPERATION, labels.get(SPAN_NAME)));
    }

    /** The points whose value is a number (not NaN, not infinite). */
    public List<MetricPoint> finitePoints() {
        return points.stream().filter(MetricPoint::isFinite).toList();
    }

    /** The latest point whose value is a number. */
    public Optional<MetricPoint> lastFinite() {
        List<MetricPoint> finite = finitePoints();
        return finite.isEmpty() ? Optional.empty() : Optional.of(finite.get(finite.size() - 1));
    }
}
