package org.oteltutorial.harness.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oteltutorial.harness.collector.CollectorConfig;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.collector.Pipeline;
import org.oteltutorial.harness.collector.Signal;
import org.oteltutorial.harness.traffic.SentTrace;
import tools.jackson.databind.JsonNode;

/**
 * What the traces pipeline to Jaeger keeps, read from its {@code tail_sampling} processor: the policies the harness
 * can decide exactly ({@link SamplingRule}), and the ones it cannot.
 *
 * @param sampled false when the traces pipeline has no sampling processor (Jaeger keeps everything)
 * @param rules the policies the harness decides, in the config's order
 * @param unmodelled the policies (or the sampling processor) the harness cannot decide, as {@code name (type)}
 * @param decisionWait {@code decision_wait} (default 30 s)
 * @param numTraces {@code num_traces}, the traces the sampler holds in memory (default 50000)
 */
public record SamplingPolicy(boolean sampled, List<SamplingRule> rules, List<String> unmodelled, Duration decisionWait, long numTraces) {

    /** {@code createDefaultConfig} in the processor's {@code factory.go}. */
    static final Duration DEFAULT_DECISION_WAIT = Duration.ofSeconds(30);
    static final long DEFAULT_NUM_TRACES = 50_000;

    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    public SamplingPolicy {
        rules = List.copyOf(rules);
        unmodelled = List.copyOf(unmodelled);
    }

    /** No sampler: every trace reaches Jaeger. */
    static SamplingPolicy none() {
        return new SamplingPolicy(false, List.of(), List.of(), Duration.ZERO, Long.MAX_VALUE);
    }

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
                    return new SamplingPolicy(true, List.of(), List.of(processor + " (processor)"), Duration.ZERO, Long.MAX_VALUE);
                }
            }
        }
        return none();
    }

    private static SamplingPolicy fromTailSampling(JsonNode settings) {
        List<SamplingRule> rules = new ArrayList<>();
        List<String> unmodelled = new ArrayList<>();
        for (JsonNode policy : settings.path("policies")) {
            String type = policy.path("type").asString("");
            rule(type, policy.path(type)).ifPresentOrElse(rules::add,
                    () -> unmodelled.add(policy.path("name").asString("?") + " (" + type + ")"));
        }
        Duration wait = parseDuration(settings.path("decision_wait").asString(DEFAULT_DECISION_WAIT.toSeconds() + "s"));
        long numTraces = settings.path("num_traces").asLong(DEFAULT_NUM_TRACES);
        return new SamplingPolicy(true, rules, unmodelled, wait, numTraces);
    }

    private static Optional<SamplingRule> rule(String type, JsonNode cfg) {
        return switch (type) {
            case "status_code" -> {
                Set<String> codes = new LinkedHashSet<>();
                cfg.path("status_codes").forEach(c -> codes.add(c.asString("")));
                yield Optional.of(new SamplingRule.StatusCodes(codes));
            }
            case "latency" -> Optional.of(new SamplingRule.Latency(cfg.path("threshold_ms").asLong(0),
                    cfg.path("upper_threshold_ms").asLong(0)));
            case "probabilistic" -> Optional.of(new SamplingRule.Probabilistic(cfg.path("hash_salt").asString(""),
                    cfg.path("sampling_percentage").asDouble(0)));
            case "always_sample" -> Optional.of(new SamplingRule.AlwaysSample());
            case "string_attribute" -> {
                if (!cfg.path("key").asString("").equals(SamplingRule.ServiceName.KEY)) {
                    yield Optional.empty();
                }
                List<String> values = new ArrayList<>();
                cfg.path("values").forEach(v -> values.add(v.asString("")));
                yield Optional.of(new SamplingRule.ServiceName(values, cfg.path("enabled_regex_matching").asBoolean(false),
                        cfg.path("invert_match").asBoolean(false)));
            }
            default -> Optional.empty();
        };
    }

    /** Whether the harness decides every policy, so it knows exactly which traces Jaeger keeps. */
    public boolean exact() {
        return unmodelled.isEmpty();
    }

    /** Whether the sampler keeps this trace; meaningful when {@link #exact()}. */
    public boolean keeps(SentTrace trace) {
        return !sampled || SamplingRule.keeps(rules, trace);
    }

    /**
     * Whether a {@code status_code} policy keeps every error trace whatever the policies the harness cannot decide say:
     * only an inverted {@code string_attribute} or {@code numeric_attribute} policy can veto it.
     */
    public boolean keepsEveryError() {
        return !sampled || rules.stream().anyMatch(r -> r instanceof SamplingRule.StatusCodes s && s.codes().contains("ERROR"))
                && rules.stream().noneMatch(r -> r instanceof SamplingRule.ServiceName n && n.invert()) && mayNotVeto();
    }

    /** The latency policy's lower threshold, when it keeps every trace at least that long (no upper threshold). */
    public Optional<Duration> keepsEverySlowerThan() {
        if (!mayNotVeto() || rules.stream().anyMatch(r -> r instanceof SamplingRule.ServiceName n && n.invert())) {
            return Optional.empty();
        }
        return rules.stream().filter(r -> r instanceof SamplingRule.Latency l && l.upperThresholdMs() == 0)
                .map(r -> Duration.ofMillis(((SamplingRule.Latency) r).thresholdMs())).findFirst();
    }

    /** Whether none of the undecided policies can veto a kept trace (only inverted attribute policies can). */
    private boolean mayNotVeto() {
        return unmodelled.stream().noneMatch(u -> u.endsWith("(string_attribute)") || u.endsWith("(numeric_attribute)")
                || u.endsWith("(processor)"));
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
