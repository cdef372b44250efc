package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oteltutorial.harness.traffic.SentSpan;
import org.oteltutorial.harness.traffic.SentTrace;
import org.oteltutorial.harness.traffic.SpanKey;

/**
 * The tail sampler's policies decided as contrib 0.94.0 decides them. The expected hashes and thresholds were computed
 * with Go's own {@code hash/fnv} and {@code math/big}, the way {@code probabilistic.go} calls them, not with this code.
 */
class SamplingRuleTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @ParameterizedTest
    @CsvSource({
            "default-hash-seed, 11908981664384643253",
            "tutorial-salt, 12148137509347824702",
    })
    void hashIsFnv1aOfTheSaltThenTheTraceIdBytes(String salt, String unsignedHash) {
        assertThat(Long.toUnsignedString(SamplingRule.Probabilistic.hash(salt, HexFormat.of().parseHex(TRACE)))).isEqualTo(unsignedHash);
    }

    @ParameterizedTest
    @CsvSource({
            "10, 1844674407370955263",
            "33.3, 6142765776545279999",
            "0.5, 92233720368547759",
            "100, 18446744073709551615",
            "1e-18, 0",
            "0, 0",
    })
    void thresholdIsCalculatedAsBigFloatDoes(double percentage, String unsignedThreshold) {
        assertThat(Long.toUnsignedString(SamplingRule.Probabilistic.threshold(percentage / 100))).isEqualTo(unsignedThreshold);
    }

    @Test
    void tenPercentKeepsTheTracesWhoseHashIsAtMostTheThreshold() {
        // from the Go oracle: of LedgerBuilder's ids 1..40 with the high half 0xab, the default salt keeps 8, 9, 18, 25
        SamplingRule rule = new SamplingRule.Probabilistic("", 10);
        List<Integer> kept = java.util.stream.IntStream.rangeClosed(1, 40).boxed()
                .filter(n -> rule.decide(trace(LedgerBuilder.traceId(0xab, n), 100, "UNSET")) == SamplingRule.Decision.SAMPLED).toList();

        assertThat(kept).containsExactly(8, 9, 18, 25);
        SamplingRule salted = new SamplingRule.Probabilistic("tutorial-salt", 10);
        assertThat(java.util.stream.IntStream.rangeClosed(1, 40).boxed()
                .filter(n -> salted.decide(trace(LedgerBuilder.traceId(0xab, n), 100, "UNSET")) == SamplingRule.Decision.SAMPLED))
                .containsExactly(8, 11, 12, 22, 33, 39);
    }

    @ParameterizedTest
    @CsvSource({
            "499.999999, 0, NOT_SAMPLED",
            "500.0, 0, SAMPLED",
            "1500.0, 0, SAMPLED",
            "500.999, 1000, NOT_SAMPLED",
            "501.0, 1000, SAMPLED",
            "1000.999, 1000, SAMPLED",
            "1001.0, 1000, NOT_SAMPLED",
    })
    void latencyComparesTheTracesExtentInWholeMilliseconds(double millis, long upper, SamplingRule.Decision decision) {
        assertThat(new SamplingRule.Latency(500, upper).decide(trace(TRACE, millis, "UNSET"))).isEqualTo(decision);
    }

    @Test
    void statusCodesMatchAnySpan() {
        SamplingRule errors = new SamplingRule.StatusCodes(Set.of("ERROR"));

        assertThat(errors.decide(trace(TRACE, 10, "ERROR"))).isEqualTo(SamplingRule.Decision.SAMPLED);
        assertThat(errors.decide(trace(TRACE, 10, "UNSET"))).isEqualTo(SamplingRule.Decision.NOT_SAMPLED);
        assertThat(new SamplingRule.StatusCodes(Set.of("UNSET")).decide(trace(TRACE, 10, "UNSET"))).isEqualTo(SamplingRule.Decision.SAMPLED);
    }

    @Test
    void anInvertedMatchVetoesEveryOtherPolicy() {
        SentTrace error = trace(TRACE, 10, "ERROR");
        SamplingRule errors = new SamplingRule.StatusCodes(Set.of("ERROR"));
        SamplingRule notFrontend = new SamplingRule.ServiceName(List.of("^front"), true, true);
        SamplingRule notBackend = new SamplingRule.ServiceName(List.of("backend-r1"), false, true);

        assertThat(notFrontend.decide(error)).isEqualTo(SamplingRule.Decision.INVERT_NOT_SAMPLED);
        assertThat(SamplingRule.keeps(List.of(errors, notFrontend), error)).isFalse();
        assertThat(notBackend.decide(error)).isEqualTo(SamplingRule.Decision.INVERT_SAMPLED);
        assertThat(SamplingRule.keeps(List.of(notBackend), error)).isTrue();
        // INVERT_SAMPLED keeps only when no policy said NOT_SAMPLED
        assertThat(SamplingRule.keeps(List.of(notBackend, new SamplingRule.StatusCodes(Set.of("OK"))), error)).isFalse();
        assertThat(SamplingRule.keeps(List.of(new SamplingRule.StatusCodes(Set.of("OK")), new SamplingRule.AlwaysSample()), error)).isTrue();
    }

    private static SentTrace trace(String traceId, double millis, String status) {
        SpanKey key = new SpanKey("frontend-r1", "GET /", "SPAN_KIND_SERVER", "STATUS_CODE_" + status);
        return new SentTrace(traceId, List.of(new SentSpan(traceId, "00f067aa0ba902b7", "", key, Duration.ofMillis(5),
                Duration.ofNanos(Math.round(millis * 1e6)))));
    }
}
