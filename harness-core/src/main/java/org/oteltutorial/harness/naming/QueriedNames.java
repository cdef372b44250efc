package org.oteltutorial.harness.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.JaegerV2Config;
import org.oteltutorial.harness.tutorial.Version;
import tools.jackson.databind.JsonNode;

/** The names Jaeger's SPM will query in Prometheus, from its version and its flags and environment. */
public final class QueriedNames {

    private static final Set<String> GO_TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> GO_FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private QueriedNames() {
    }

    public static NameDerivation derive(JaegerModel jaeger) {
        Optional<Version> maybeVersion = jaeger.version();
        if (maybeVersion.isEmpty()) {
            return NameDerivation.unknown("the Jaeger image has no version tag, so its query defaults are unknown");
        }
        Version v = maybeVersion.get();
        if (v.major() >= 2) {
            return deriveV2(jaeger, v);
        }
        List<String> steps = new ArrayList<>();
        String connectorDefault = VersionFacts.value(Program.JAEGER, VersionFacts.JAEGER_CONNECTOR_NAMES, v);
        boolean connectorNames;
        if (connectorDefault.equals(VersionFacts.REMOVED)) {
            connectorNames = true;
        } else {
            connectorNames = bool(jaeger, VersionFacts.JAEGER_CONNECTOR_NAMES, connectorDefault, v, steps);
        }
        if (!connectorNames) {
            steps.add("Jaeger " + v + " queries the legacy spanmetrics-processor names");
            return new NameDerivation(Optional.of(new MetricNames("calls", "latency")), steps);
        }
        String namespace = jaeger.setting(VersionFacts.JAEGER_NAMESPACE)
                .orElse(VersionFacts.value(Program.JAEGER, VersionFacts.JAEGER_NAMESPACE, v));
        String source = jaeger.setting(VersionFacts.JAEGER_NAMESPACE).isPresent() ? "set" : "its default";
        if (jaeger.setEmptyInEnv(VersionFacts.JAEGER_NAMESPACE)) {
            source = "the empty " + JaegerModel.envName(VersionFacts.JAEGER_NAMESPACE) + " is ignored, so its default";
        }
        steps.add("Jaeger " + v + ": namespace '" + namespace + "' (" + source + ")");
        String normalizeDefault = VersionFacts.value(Program.JAEGER, VersionFacts.JAEGER_NORMALIZE_CALLS, v);
        boolean normalizeCalls = !normalizeDefault.equals(VersionFacts.ABSENT)
                && bool(jaeger, VersionFacts.JAEGER_NORMALIZE_CALLS, normalizeDefault, v, steps);
        boolean normalizeDuration = !normalizeDefault.equals(VersionFacts.ABSENT)
                && bool(jaeger, VersionFacts.JAEGER_NORMALIZE_DURATION, normalizeDefault, v, steps);
        String unit = jaeger.setting(VersionFacts.JAEGER_DURATION_UNIT)
                .orElse(VersionFacts.value(Program.JAEGER, VersionFacts.JAEGER_DURATION_UNIT, v));
        steps.add("duration unit " + unit);
        return new NameDerivation(Optional.of(names(namespace, normalizeCalls, normalizeDuration, unit)), steps);
    }

    /** Jaeger v2: the settings of the Prometheus metric backend {@code jaeger_query} reads SPM from, with v2's defaults. */
    private static NameDerivation deriveV2(JaegerModel jaeger, Version v) {
        Optional<JaegerV2Config> config = jaeger.v2Config();
        if (config.isEmpty()) {
            return NameDerivation.unknown("Jaeger " + v + " reads its metric names from its YAML config, and the manifests hold"
                    + " no config file behind its --config flag");
        }
        Optional<String> backend = config.get().metricsStorage();
        JsonNode prometheus = config.get().spmPrometheus();
        if (backend.isEmpty() || prometheus.isMissingNode()) {
            return NameDerivation.unknown("Jaeger " + v + " has no Prometheus metric backend for SPM in " + config.get().file().origin());
        }
        List<String> steps = new ArrayList<>();
        String where = "jaeger_storage.metric_backends." + backend.get() + ".prometheus";
        String namespace = prometheus.path("metric_namespace").isString() ? prometheus.path("metric_namespace").asString()
                : VersionFacts.value(Program.JAEGER, VersionFacts.JAEGER_NAMESPACE, v);
        steps.add("Jaeger " + v + ": metric_namespace '" + namespace + "' (" + (prometheus.has("metric_namespace") ? "set in " + where
                : "its default") + ")");
        boolean normalizeCalls = v2Bool(prometheus, "normalize_calls", VersionFacts.JAEGER_NORMALIZE_CALLS, v, steps);
        boolean normalizeDuration = v2Bool(prometheus, "normalize_duration", VersionFacts.JAEGER_NORMALIZE_DURATION, v, steps);
        String unit = prometheus.path("latency_unit").isString() ? prometheus.path("latency_unit").asString()
                : VersionFacts.value(Program.JAEGER, VersionFacts.JAEGER_DURATION_UNIT, v);
        steps.add("latency_unit " + unit);
        return new NameDerivation(Optional.of(names(namespace, normalizeCalls, normalizeDuration, unit)), steps);
    }

    private static boolean v2Bool(JsonNode prometheus, String key, String fact, Version v, List<String> steps) {
        JsonNode value = prometheus.path(key);
        if (value.isBoolean()) {
            steps.add(key + "=" + value.asBoolean());
            return value.asBoolean();
        }
        if (value.isString() && (GO_TRUE.contains(value.asString()) || GO_FALSE.contains(value.asString()))) {
            steps.add(key + "=" + GO_TRUE.contains(value.asString()));
            return GO_TRUE.contains(value.asString());
        }
        boolean d = Boolean.parseBoolean(VersionFacts.value(Program.JAEGER, fact, v));
        steps.add(key + "=" + d + " (default in " + v + ")");
        return d;
    }

    private static MetricNames names(String namespace, boolean normalizeCalls, boolean normalizeDuration, String unit) {
        String prefix = namespace.isEmpty() ? "" : namespace + "_";
        return new MetricNames(prefix + "calls" + (normalizeCalls ? "_total" : ""),
                prefix + "duration" + (normalizeDuration ? "_" + PromNameTranslation.unitWord(unit) : ""));
    }

    private static boolean bool(JaegerModel jaeger, String flag, String defaultValue, Version v, List<String> steps) {
        Optional<String> set = jaeger.booleanSetting(flag);
        if (set.isPresent()) {
            String value = set.get().trim();
            if (GO_TRUE.contains(value)) {
                steps.add(flag + "=true");
                return true;
            }
            if (GO_FALSE.contains(value)) {
                steps.add(flag + "=false");
                return false;
            }
            steps.add(flag + "='" + value + "' is not a boolean Jaeger accepts");
        }
        boolean d = Boolean.parseBoolean(defaultValue.toLowerCase(Locale.ROOT));
        steps.add(flag + "=" + d + " (default in " + v + ")");
        return d;
    }
}
