package org.oteltutorial.harness.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.tutorial.FeatureGates;
import org.oteltutorial.harness.tutorial.Version;
import tools.jackson.databind.JsonNode;

/** The names Prometheus will hold for the spanmetrics connector's {@code calls} and {@code duration} metrics. */
public final class ProducedNames {

    private ProducedNames() {
    }

    /**
     * @param collectorVersion the contrib version, from the collector image tag
     * @param connector the spanmetrics connector's settings (missing node when it has none)
     * @param path how the metrics reach Prometheus
     * @param exporter the settings of the exporter on that path
     * @param prometheusVersion the Prometheus version, from its image tag
     * @param translationStrategy Prometheus 3's {@code otlp.translation_strategy}, when its config sets one
     */
    public static NameDerivation derive(Optional<Version> collectorVersion, JsonNode connector, IngestPath path, JsonNode exporter,
            Optional<Version> prometheusVersion, Optional<String> translationStrategy) {
        return derive(collectorVersion, connector, FeatureGates.none(), path, exporter, prometheusVersion, translationStrategy);
    }

    /** As above, with the collector's {@code --feature-gates} (some change the connector's defaults). */
    public static NameDerivation derive(Optional<Version> collectorVersion, JsonNode connector, FeatureGates gates, IngestPath path,
            JsonNode exporter, Optional<Version> prometheusVersion, Optional<String> translationStrategy) {
        List<String> steps = new ArrayList<>();
        String namespace;
        if (connector.path("namespace").isString()) {
            namespace = connector.path("namespace").asString();
            steps.add("spanmetrics namespace '" + namespace + "' (set in the connector)");
        } else if (collectorVersion.isEmpty()) {
            return NameDerivation.unknown("the collector image has no version tag, so the connector's default namespace is unknown");
        } else {
            namespace = VersionFacts.value(Program.COLLECTOR_CONTRIB, VersionFacts.SPANMETRICS_NAMESPACE, collectorVersion.get());
            steps.add("collector " + collectorVersion.get() + ": spanmetrics namespace '" + namespace + "' (its default)");
            if (!namespace.isEmpty() && gates.enabled(VersionFacts.GATE_LEGACY_NAMES, false)) {
                namespace = "";
                steps.add("--feature-gates " + VersionFacts.GATE_LEGACY_NAMES + " drops the default namespace");
            }
        }
        String unit;
        if (connector.path("histogram").path("unit").isString()) {
            unit = connector.path("histogram").path("unit").asString();
            steps.add("histogram unit " + unit);
        } else if (gates.enabled(VersionFacts.GATE_SECONDS, false)) {
            unit = "s";
            steps.add("histogram unit s (--feature-gates " + VersionFacts.GATE_SECONDS + ")");
        } else {
            unit = "ms";
            steps.add("histogram unit ms");
        }
        String calls = namespace.isEmpty() ? "calls" : namespace + ".calls";
        String duration = namespace.isEmpty() ? "duration" : namespace + ".duration";

        boolean escape = true;
        boolean suffixes = true;
        String prefix = "";
        switch (path) {
            case PROMETHEUS_OTLP_RECEIVER -> {
                if (prometheusVersion.isEmpty()) {
                    return NameDerivation.unknown("the Prometheus image has no version tag, so its OTLP name translation is unknown");
                }
                Version pv = prometheusVersion.get();
                Optional<VersionFacts.Fact> translation = VersionFacts.lookup(Program.PROMETHEUS, VersionFacts.PROMETHEUS_OTLP_SUFFIXES, pv);
                if (translation.isEmpty()) {
                    return NameDerivation.unknown("Prometheus " + pv + " has no OTLP receiver, so it holds no RED metrics");
                }
                String strategy = translationStrategy.filter(s -> pv.atLeast(Version.of("3.0.0"))).orElse(translation.get().value());
                escape = !strategy.startsWith("NoUTF8Escaping") && !strategy.equals("NoTranslation");
                suffixes = strategy.equals("always") || strategy.endsWith("WithSuffixes");
                steps.add("Prometheus " + pv + " OTLP receiver: " + (strategy.equals("always") ? "always adds unit and _total suffixes"
                        : "translation strategy " + strategy));
            }
            case PROMETHEUS_REMOTE_WRITE, PROMETHEUS_SCRAPE -> {
                suffixes = exporter.path("add_metric_suffixes").asBoolean(true);
                String ns = exporter.path("namespace").asString("");
                prefix = ns.isEmpty() ? "" : PromNameTranslation.escape(ns) + "_";
                steps.add("collector " + (path == IngestPath.PROMETHEUS_SCRAPE ? "prometheus" : "prometheusremotewrite")
                        + " exporter: " + (suffixes ? "adds suffixes" : "no suffixes") + (prefix.isEmpty() ? "" : ", prefix " + prefix));
            }
            default -> throw new IllegalStateException(path.toString());
        }
        MetricNames names = new MetricNames(
                prefix + PromNameTranslation.translate(calls, "", true, escape, suffixes),
                prefix + PromNameTranslation.translate(duration, unit, false, escape, suffixes));
        return new NameDerivation(Optional.of(names), steps);
    }
}
