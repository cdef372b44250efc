package org.oteltutorial.harness.naming;

/**
 * The two RED metric names as Prometheus holds them (or as Jaeger queries them).
 *
 * @param calls e.g. {@code calls_total}
 * @param duration the histogram's base name, e.g. {@code duration_milliseconds}; series are {@code _bucket}, {@code _sum}, {@code _count}
 */
public record MetricNames(String calls, String duration) {

    public String durationBucket() {
        return duration + "_bucket";
    }

    public String durationSum() {
        return duration + "_sum";
    }

    public String durationCount() {
        return duration + "_count";
    }
}
