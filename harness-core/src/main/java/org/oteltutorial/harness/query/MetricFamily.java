package org.oteltutorial.harness.query;

import java.util.List;
import java.util.Optional;

/**
 * A Jaeger SPM answer: {@code service_call_rate}, {@code service_error_rate} or {@code service_latencies}
 * ({@code service_operation_…} when grouped by operation), of type {@code GAUGE}. No metrics means no data: Jaeger
 * answers {@code "metrics": []} rather than an error when Prometheus has nothing under the names it queries.
 */
public record MetricFamily(String name, String type, String help, List<Metric> metrics) {

    public MetricFamily {
        metrics = List.copyOf(metrics);
    }

    public boolean isEmpty() {
        return metrics.isEmpty();
    }

    /** The series of {@code service} when not grouped by operation (the first one if several). */
    public Optional<Metric> forService(String service) {
        return metrics.stream().filter(metric -> metric.service().equals(service)).findFirst();
    }

    /** The series of {@code operation} of {@code service} when grouped by operation. */
    public Optional<Metric> forOperation(String service, String operation) {
        return metrics.stream()
                .filter(metric -> metric.service().equals(service))
                .filter(metric -> metric.operation().filter(operation::equals).isPresent())
                .findFirst();
    }
}
