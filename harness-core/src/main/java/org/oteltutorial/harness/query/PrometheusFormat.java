package org.oteltutorial.harness.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Prometheus' wire formats for numbers and times: sample values are strings ({@code "1.5"}, {@code "NaN"},
 * {@code "+Inf"}, {@code "-Inf"}) and timestamps are float seconds ({@code 1435781451.781}). Both directions are exact.
 */
final class PrometheusFormat {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private PrometheusFormat() {
    }

    /** Parses a sample value as Prometheus writes it (Go's strconv.FormatFloat, with "+Inf"/"-Inf"/"NaN"). */
    static double value(JsonNode node) {
        if (!node.isString()) {
            throw new ResponseFormatException("sample value is not a string: " + node);
        }
        String text = node.stringValue();
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new ResponseFormatException("sample value is not a number: \"" + text + "\"", e);
                }
        }
    }

    /** Parses float unix seconds exactly (the JSON tree holds them as BigDecimal) into an Instant. */
    static Instant timestamp(JsonNode node) {
        BigDecimal seconds;
        if (node.isNumber()) {
            seconds = node.decimalValue();
        } else if (node.isString()) {
            seconds = parseDecimal(node.stringValue());
        } else {
            throw new ResponseFormatException("timestamp is not a number: " + node);
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_EVEN).longValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    /** Unix seconds with as many decimals as needed and no exponent: {@code 1435781451.781}. */
    static String time(Instant instant) {
        return seconds(instant.getEpochSecond(), instant.getNano());
    }

    private static String seconds(long seconds, int nanos) {
        BigDecimal value = BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(nanos, 9));
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal parseDecimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ResponseFormatException("timestamp is not a number: \"" + text + "\"", e);
        }
    }
}
