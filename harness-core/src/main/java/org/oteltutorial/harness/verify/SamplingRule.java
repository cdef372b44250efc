package org.oteltutorial.harness.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.oteltutorial.harness.traffic.SentSpan;
import org.oteltutorial.harness.traffic.SentTrace;

/**
 * One policy of the collector's {@code tail_sampling} processor, deciding one trace as contrib 0.94.0 does
 * ({@code processor/tailsamplingprocessor/internal/sampling}). The processor ORs the policies: a trace is kept when one
 * says {@link Decision#SAMPLED}, unless one says {@link Decision#INVERT_NOT_SAMPLED}.
 */
sealed interface SamplingRule {

    /** What a policy answers ({@code sampling.Decision}). */
    enum Decision { SAMPLED, NOT_SAMPLED, INVERT_SAMPLED, INVERT_NOT_SAMPLED }

    Decision decide(SentTrace trace);

    /** {@code status_code}: a trace with a span whose status is one of the codes. */
    record StatusCodes(Set<String> codes) implements SamplingRule {
        @Override
        public Decision decide(SentTrace trace) {
            return trace.spans().stream().anyMatch(s -> codes.contains(shortCode(s))) ? Decision.SAMPLED : Decision.NOT_SAMPLED;
        }

        private static String shortCode(SentSpan span) {
            return span.key().status().replace("STATUS_CODE_", "");
        }
    }

    /**
     * {@code latency}: the trace's extent (earliest start to latest end) in whole milliseconds, truncated as Go's
     * {@code Duration.Milliseconds()} does, at least {@code thresholdMs}; with an upper threshold, in
     * {@code (thresholdMs, upperThresholdMs]}. The children lie inside the root span, so every order in which the
     * collector receives the spans measures the root's extent once the root is among them.
     */
    record Latency(long thresholdMs, long upperThresholdMs) implements SamplingRule {
        @Override
        public Decision decide(SentTrace trace) {
            long start = trace.spans().stream().mapToLong(s -> s.startOffset().toNanos()).min().orElseThrow();
            long end = trace.spans().stream().mapToLong(s -> s.endOffset().toNanos()).max().orElseThrow();
            long ms = (end - start) / 1_000_000;
            boolean keep = upperThresholdMs == 0 ? ms >= thresholdMs : thresholdMs < ms && ms <= upperThresholdMs;
            return keep ? Decision.SAMPLED : Decision.NOT_SAMPLED;
        }
    }

    /**
     * {@code probabilistic}: FNV-1a (64 bit) over the salt's bytes and then the trace id's 16 bytes, kept when the hash
     * is at most {@code MaxUint64 × sampling_percentage / 100}, computed as {@code calculateThreshold} does (a
     * {@code big.Float} of 64-bit precision, rounded to nearest even, truncated to an integer).
     */
    record Probabilistic(String hashSalt, double percentage) implements SamplingRule {

        /** {@code defaultHashSalt} in {@code probabilistic.go}. */
        static final String DEFAULT_SALT = "default-hash-seed";
        private static final long FNV_OFFSET = 0xcbf29ce484222325L;
        private static final long FNV_PRIME = 0x100000001b3L;
        private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

        public Probabilistic {
            hashSalt = hashSalt == null || hashSalt.isEmpty() ? DEFAULT_SALT : hashSalt;
        }

        @Override
        public Decision decide(SentTrace trace) {
            return Long.compareUnsigned(hash(hashSalt, HexFormat.of().parseHex(trace.traceId())), threshold(percentage / 100)) <= 0
                    ? Decision.SAMPLED : Decision.NOT_SAMPLED;
        }

        static long hash(String salt, byte[] traceId) {
            long h = FNV_OFFSET;
            for (byte b : salt.getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xff)) * FNV_PRIME;
            }
            for (byte b : traceId) {
                h = (h ^ (b & 0xff)) * FNV_PRIME;
            }
            return h;
        }

        /** An unsigned 64-bit threshold. */
        static long threshold(double ratio) {
            if (ratio <= 0) {
                return 0;
            }
            BigDecimal exact = new BigDecimal(MAX_UINT64).multiply(new BigDecimal(ratio));
            BigInteger whole = exact.toBigInteger();
            if (whole.signum() == 0) {
                return 0;
            }
            int shift = Math.max(0, 64 - whole.bitLength());
            BigInteger mantissa = exact.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(shift))).setScale(0, RoundingMode.HALF_EVEN)
                    .toBigIntegerExact();
            return mantissa.shiftRight(shift).min(MAX_UINT64).longValue();
        }
    }

    /** {@code always_sample}. */
    record AlwaysSample() implements SamplingRule {
        @Override
        public Decision decide(SentTrace trace) {
            return Decision.SAMPLED;
        }
    }

    /**
     * {@code string_attribute} on {@code service.name}, the one attribute the harness's spans carry in their resource
     * (each service's spans arrive as a resource of their own): exact values, or Go regular expressions matched anywhere
     * with {@code enabled_regex_matching}; {@code invert_match} answers the inverted decisions.
     */
    record ServiceName(List<String> values, boolean regex, boolean invert) implements SamplingRule {

        static final String KEY = "service.name";

        @Override
        public Decision decide(SentTrace trace) {
            Predicate<String> matches = regex
                    ? name -> values.stream().anyMatch(v -> Pattern.compile(v).matcher(name).find())
                    : values::contains;
            boolean any = trace.spans().stream().map(s -> s.key().service()).anyMatch(matches);
            if (invert) {
                return any ? Decision.INVERT_NOT_SAMPLED : Decision.INVERT_SAMPLED;
            }
            return any ? Decision.SAMPLED : Decision.NOT_SAMPLED;
        }
    }

    /** {@code makeDecision}: INVERT_NOT_SAMPLED wins; then any SAMPLED; then INVERT_SAMPLED when nothing said NOT_SAMPLED. */
    static boolean keeps(List<SamplingRule> rules, SentTrace trace) {
        List<Decision> decisions = rules.stream().map(r -> r.decide(trace)).toList();
        if (decisions.contains(Decision.INVERT_NOT_SAMPLED)) {
            return false;
        }
        return decisions.contains(Decision.SAMPLED)
                || decisions.contains(Decision.INVERT_SAMPLED) && !decisions.contains(Decision.NOT_SAMPLED);
    }
}
