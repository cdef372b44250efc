package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuantileBucketsTest {

    private static final List<Double> BOUNDS = RedExpectations.DEFAULT_BUCKETS_MS;
    private static final SortedMap<Double, Long> NONE = cumulative();

    @Test
    void theBucketOfTheTrueQuantile() {
        SortedMap<Double, Long> main = cumulative(1, 3, 5, 7, 9, 20, 30, 60, 150);

        QuantileBuckets p50 = QuantileBuckets.of(0.5, BOUNDS, main, NONE);
        QuantileBuckets p95 = QuantileBuckets.of(0.95, BOUNDS, main, NONE);

        // p50: rank 4.5 of 9 falls on the 5th smallest, 9 ms, in (8, 10]; p95: rank 8.55 on the 9th, 150 ms, in (100, 200]
        assertThat(p50).isEqualTo(new QuantileBuckets(8, 10, true));
        assertThat(p95).isEqualTo(new QuantileBuckets(100, 200, true));
    }

    @Test
    void theFirstBucketStartsAtZero() {
        assertThat(QuantileBuckets.of(0.95, BOUNDS, cumulative(1, 1.5, 2), NONE)).isEqualTo(new QuantileBuckets(0, 2, true));
    }

    @Test
    void aRankOnABoundaryYieldsThatBucketAndTheNextOneHoldingSpans() {
        // rank 0.5 x 8 = 4 equals the count up to 8 ms: histogram_quantile answers 8, but a rank a rounding error
        // above it lands in the next bucket with spans, (10, 50], just above 10 (the bucket (8, 10] is empty)
        SortedMap<Double, Long> main = cumulative(7, 7, 7, 7, 30, 30, 30, 30);

        QuantileBuckets p50 = QuantileBuckets.of(0.5, BOUNDS, main, NONE);

        assertThat(p50).isEqualTo(new QuantileBuckets(6, 50, false));
        assertThat(p50.lower()).isLessThan(7);
        assertThat(p50.upper()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aRankInsideABucketIsNotABoundary() {
        SortedMap<Double, Long> main = cumulative(7, 7, 7, 7, 7, 30, 30, 30, 30);

        assertThat(QuantileBuckets.of(0.5, BOUNDS, main, NONE)).isEqualTo(new QuantileBuckets(6, 8, true));
    }

    @Test
    void primerCountsWidenTheRangeDownwards() {
        SortedMap<Double, Long> main = cumulative(30, 30, 30, 30, 30, 30, 30, 30, 30, 30);
        SortedMap<Double, Long> primer = cumulative(3, 3, 3, 3, 3, 3);

        QuantileBuckets without = QuantileBuckets.of(0.5, BOUNDS, main, NONE);
        QuantileBuckets with = QuantileBuckets.of(0.5, BOUNDS, main, primer);

        assertThat(without).isEqualTo(new QuantileBuckets(10, 50, true));
        // extrapolation may add up to the primer's 6 spans at 3 ms: rank 5 of up to 16 can then fall into (2, 4]
        assertThat(with).isEqualTo(new QuantileBuckets(2, 50, false));
    }

    @Test
    void primerCountsWidenTheRangeUpwards() {
        SortedMap<Double, Long> main = cumulative(7, 7, 7, 7, 7, 7, 30, 30, 30, 30);
        SortedMap<Double, Long> primer = cumulative(300, 300, 300, 300);

        assertThat(QuantileBuckets.of(0.5, BOUNDS, main, NONE)).isEqualTo(new QuantileBuckets(6, 8, true));
        // the rank can grow to 0.5 x 14 = 7, beyond the 6 spans up to 8 ms: (10, 50] becomes possible
        assertThat(QuantileBuckets.of(0.5, BOUNDS, main, primer)).isEqualTo(new QuantileBuckets(6, 50, false));
    }

    @Test
    void aRankInThePlusInfBucketGivesTheHighestFiniteBound() {
        SortedMap<Double, Long> main = cumulative(30, 30, 30, 30, 30, 30, 30, 30, 30, 20_000);

        // Prometheus answers the highest finite bound, 15000, when the rank falls into +Inf
        assertThat(QuantileBuckets.of(0.95, BOUNDS, main, NONE)).isEqualTo(new QuantileBuckets(15_000, 15_000, true));
        assertThat(QuantileBuckets.of(0.5, BOUNDS, main, NONE)).isEqualTo(new QuantileBuckets(10, 50, true));
    }

    @Test
    void fromAFiniteBucketUpToPlusInfTheUpperIsTheHighestFiniteBound() {
        SortedMap<Double, Long> main = cumulative(12_000, 12_000, 20_000, 20_000);
        SortedMap<Double, Long> primer = cumulative(12_000, 12_000);

        QuantileBuckets p50 = QuantileBuckets.of(0.5, BOUNDS, main, primer);

        assertThat(p50.lower()).isEqualTo(10_000);
        assertThat(p50.upper()).isEqualTo(15_000);
        assertThat(p50.single()).isFalse();
    }

    /** Cumulative counts per bound with {@code le} semantics, +Inf last, as Ledger.bucketCounts gives them. */
    private static SortedMap<Double, Long> cumulative(double... durationsMs) {
        List<Double> values = new ArrayList<>();
        for (double d : durationsMs) {
            values.add(d);
        }
        Collections.sort(values);
        SortedMap<Double, Long> out = new TreeMap<>();
        for (double bound : BOUNDS) {
            out.put(bound, values.stream().filter(v -> v <= bound).count());
        }
        out.put(Double.POSITIVE_INFINITY, (long) values.size());
        return out;
    }
}
