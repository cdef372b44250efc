package org.oteltutorial.harness.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.Version;

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
            return NameDerivation.unknown("Jaeger " + v + " takes its metric names from its YAML config (jaeger_storage"
                    + " metric_backends prometheus), not from flags or environment, and lint does not read that config");
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
        String prefix = namespace.isEmpty() ? "" : namespace + "_";
        String calls = prefix + "calls" + (normalizeCalls ? "_total" : "");
        String duration = prefix + "duration" + (normalizeDuration ? "_" + PromNameTranslation.unitWord(unit) : "");
        return new NameDerivation(Optional.of(new MetricNames(calls, duration)), steps);
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
