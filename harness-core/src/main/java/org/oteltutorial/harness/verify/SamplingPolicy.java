package org.oteltutorial.harness.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oteltutorial.harness.collector.CollectorConfig;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.collector.Pipeline;
import org.oteltutorial.harness.collector.Signal;
import tools.jackson.databind.JsonNode;

/**
 * What the traces pipeline to Jaeger keeps, read from its {@code tail_sampling} processor: every error trace (a
 * {@code status_code: [ERROR]} policy), every trace at least {@code latencyThreshold} long, and a percentage of the rest.
 *
 * @param sampled false when the traces pipeline has no sampling processor (Jaeger keeps everything)
 * @param unmodelled a policy type this harness cannot predict, if any (the sampling check is then skipped)
 */
public record SamplingPolicy(boolean sampled, boolean keepErrors, Optional<Duration> latencyThreshold, double percentage,
        Duration decisionWait, Optional<String> unmodelled) {

    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    public static SamplingPolicy of(CollectorConfig config) {
        for (Pipeline p : config.pipelines()) {
            if (p.signal() != Signal.TRACES) {
                continue;
            }
            for (ComponentId processor : p.processors()) {
                if (processor.type().equals("tail_sampling")) {
                    return fromTailSampling(config.settings(ComponentRole.PROCESSOR, processor));
                }
                if (processor.type().equals("probabilistic_sampler")) {
                    return new SamplingPolicy(true, false, Optional.empty(), 0, Duration.ZERO, Optional.of("probabilistic_sampler"));
                }
            }
        }
        return new SamplingPolicy(false, true, Optional.empty(), 100, Duration.ZERO, Optional.empty());
    }

    private static SamplingPolicy fromTailSampling(JsonNode settings) {
        boolean keepErrors = false;
        Optional<Duration> latency = Optional.empty();
        double percentage = 0;
        Optional<String> unmodelled = Optional.empty();
        for (JsonNode policy : settings.path("policies")) {
            String type = policy.path("type").asString("");
            switch (type) {
                case "status_code" -> {
                    for (JsonNode code : policy.path("status_code").path("status_codes")) {
                        keepErrors |= code.asString("").equals("ERROR");
                    }
                }
                case "latency" -> latency = Optional.of(Duration.ofMillis(policy.path("latency").path("threshold_ms").asLong()));
                case "probabilistic" -> percentage = policy.path("probabilistic").path("sampling_percentage").asDouble(0);
                case "always_sample" -> percentage = 100;
                default -> unmodelled = Optional.of(type);
            }
        }
        Duration wait = parseDuration(settings.path("decision_wait").asString("30s"));
        return new SamplingPolicy(true, keepErrors, latency, percentage, wait, unmodelled);
    }

    /**
     * Go duration strings as collector configs write them ({@code time.ParseDuration}): {@code 10s}, {@code 500ms},
     * {@code 100us}, {@code 1m30s}, {@code 1.5h}, or {@code 0}.
     */
    static Duration parseDuration(String text) {
        String t = text.trim();
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher part = GO_DURATION_PART.matcher(t);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (end < t.length() && part.find(end) && part.start() == end) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
            end = part.end();
        }
        if (end == 0 || end != t.length()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (expected e.g. 500ms, 10s, 1m30s)");
        }
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
    }
}
