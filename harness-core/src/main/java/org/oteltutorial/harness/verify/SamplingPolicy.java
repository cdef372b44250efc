package org.oteltutorial.harness.verify;

import java.time.Duration;
import java.util.Optional;
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

    /** Go duration strings as collector configs write them: {@code 10s}, {@code 500ms}, {@code 1m}. */
    static Duration parseDuration(String text) {
        String t = text.trim();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("h")) {
            return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        throw new IllegalArgumentException("not a duration: " + text);
    }
}
