package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.reader.HeldObject;
import tools.jackson.databind.JsonNode;

/**
 * An Instrumentation with a ratio sampler below 1 (chapter 05's head sampling): the SDKs the operator injects sample
 * at the root, so spans the SDK drops never reach the collector and the RED metrics count only the sampled share. The
 * webhook reads the Instrumentation when a pod is created, so which services are affected depends on when each
 * workload's pods were last created; parent-based samplers follow their caller's decision.
 */
final class HeadSamplingRule implements PathRule {

    private static final String INJECT = "instrumentation.opentelemetry.io/inject-";

    @Override
    public String id() {
        return "red-head-sampled";
    }

    @Override
    public String description() {
        return "no SDK head-samples spans before the spanmetrics connector counts them";
    }

    @Override
    public List<Finding> check(PathContext context) {
        if (!context.hasSpanmetrics()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (HeldObject instrumentation : context.path().objects()) {
            if (!instrumentation.kind().equals("Instrumentation")) {
                continue;
            }
            Optional<Double> ratio = ratio(instrumentation.live());
            if (ratio.isEmpty() || ratio.get() >= 1.0) {
                continue;
            }
            String sampler = sampler(instrumentation.live());
            List<String> now = new ArrayList<>();
            List<String> later = new ArrayList<>();
            for (HeldObject w : injected(context, instrumentation.namespace())) {
                boolean sampledNow = w.injectedWith().flatMap(i -> ratio(i.live())).filter(r -> r < 1.0).isPresent();
                String when = w.podsCreated().map(l -> "pods from " + l.location()).orElse("pods");
                (sampledNow ? now : later).add(w.name() + " (" + when + ")");
            }
            if (now.isEmpty() && later.isEmpty()) {
                continue;
            }
            StringBuilder message = new StringBuilder(instrumentation.changedAt().location() + " sets " + instrumentation.describe()
                    + " to " + sampler + ", which contradicts " + context.path().lastChapter() + "'s claim that the RED metrics count"
                    + " every span: spans an SDK drops never reach the spanmetrics connector.");
            if (!now.isEmpty()) {
                message.append(" Already sampling at " + ratio.get() + ": ").append(String.join(", ", now))
                        .append("; requests that enter these services without a sampled parent are counted at that share.");
            }
            if (!later.isEmpty()) {
                message.append(" Still at the earlier sampler: ").append(String.join(", ", later)).append("; once one of them"
                        + " restarts (rollout restart, set env, a new image), it samples " + ratio.get() + " at the root, and"
                        + " calls_total of it and of every service it calls counts only that share (parent-based samplers follow"
                        + " it).");
            }
            message.append(" Fix: keep the ratio at 1 where the RED chapter runs (sample in the collector, after spanmetrics,"
                    + " as 05's tail sampling does), or state in the chapter that the metrics count the head-sampled share");
            findings.add(PathContext.at(Severity.WARNING, id(), instrumentation.changedAt().location(), instrumentation.describe(),
                    message.toString()));
        }
        return findings;
    }

    private static List<HeldObject> injected(PathContext context, String namespace) {
        return context.path().objects().stream().filter(o -> o.namespace().equals(namespace) && o.podsCreated().isPresent())
                .filter(o -> {
                    JsonNode annotations = o.live().path("spec").path("template").path("metadata").path("annotations");
                    for (var e : annotations.properties()) {
                        if (e.getKey().startsWith(INJECT) && !e.getValue().asString("false").equals("false")) {
                            return true;
                        }
                    }
                    return false;
                }).toList();
    }

    private static Optional<Double> ratio(JsonNode instrumentation) {
        JsonNode sampler = instrumentation.path("spec").path("sampler");
        if (!sampler.path("type").asString("").contains("traceidratio")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(sampler.path("argument").asString("1")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String sampler(JsonNode instrumentation) {
        JsonNode sampler = instrumentation.path("spec").path("sampler");
        return sampler.path("type").asString("") + " " + sampler.path("argument").asString("");
    }
}
