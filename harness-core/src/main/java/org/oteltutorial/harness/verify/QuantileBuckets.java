package org.oteltutorial.harness.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The histogram buckets where {@code histogram_quantile} over {@code rate(..._bucket)} can land. Each bucket's
 * increase is the main wave's count, plus at most the primer's count in that bucket (Prometheus extrapolates a counter
 * back towards zero by at most its value before the increase). Usually one bucket; two when the quantile's rank sits
 * on a boundary.
 *
 * @param lower the lower bound (ms) of the earliest possible bucket
 * @param upper the upper bound (ms) of the latest possible bucket
 */
record QuantileBuckets(double lower, double upper, boolean single) {

    static QuantileBuckets of(double q, List<Double> boundsMs, SortedMap<Double, Long> main, SortedMap<Double, Long> primer) {
        List<Double> bounds = new ArrayList<>(boundsMs);
        bounds.add(Double.POSITIVE_INFINITY);
        double totalLow = main.getOrDefault(Double.POSITIVE_INFINITY, 0L);
        double totalHigh = totalLow + primer.getOrDefault(Double.POSITIVE_INFINITY, 0L);
        int earliest = -1;
        int latest = -1;
        for (int i = 0; i < bounds.size(); i++) {
            double low = main.getOrDefault(bounds.get(i), 0L);
            double high = low + primer.getOrDefault(bounds.get(i), 0L);
            if (earliest < 0 && high >= q * totalLow) {
                earliest = i;
            }
            // Strictly greater: a rank exactly on a bucket's count is a boundary, and a rounding error above it
            // takes histogram_quantile into the next bucket that holds spans.
            if (latest < 0 && low > q * totalHigh) {
                latest = i;
            }
        }
        earliest = Math.max(earliest, 0);
        latest = latest < 0 ? bounds.size() - 1 : latest;
        double lower = earliest == 0 ? 0 : bounds.get(earliest - 1);
        // Prometheus answers the highest finite bound when the rank falls into the +Inf bucket.
        double upper = latest == bounds.size() - 1 ? (bounds.size() > 1 ? bounds.get(bounds.size() - 2) : 0) : bounds.get(latest);
        return new QuantileBuckets(lower, upper, earliest == latest);
    }
}
