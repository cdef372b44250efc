package org.oteltutorial.harness.naming;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.tutorial.Version;

/**
 * The one table of version-dependent behaviour the harness relies on. Each row says: from this version of this
 * program on, this setting behaves like this (until a later row for the same setting). Sources are in
 * {@code shared/reference/apis.md} and {@code tutorial.md}.
 */
public final class VersionFacts {

    /** One row: {@code setting} of {@code program} has {@code value} from version {@code since} on. */
    public record Fact(Program program, String setting, Version since, String value, String source) {
    }

    public static final String SPANMETRICS_NAMESPACE = "spanmetrics.namespace";
    public static final String SPANMETRICS_UNIT = "spanmetrics.histogram.unit";
    public static final String SPANMETRICS_FLUSH = "spanmetrics.metrics_flush_interval";
    public static final String JAEGER_NAMESPACE = "prometheus.query.namespace";
    public static final String JAEGER_CONNECTOR_NAMES = "prometheus.query.support-spanmetrics-connector";
    public static final String JAEGER_NORMALIZE_CALLS = "prometheus.query.normalize-calls";
    public static final String JAEGER_NORMALIZE_DURATION = "prometheus.query.normalize-duration";
    public static final String JAEGER_DURATION_UNIT = "prometheus.query.duration-unit";
    public static final String PROMETHEUS_OTLP_FLAG = "otlp.receiver.flag";
    public static final String PROMETHEUS_OTLP_SUFFIXES = "otlp.metric.suffixes";

    /** Marks a setting a version no longer has. */
    public static final String REMOVED = "<removed>";
    /** Marks a feature a version does not have yet. */
    public static final String ABSENT = "<absent>";

    private static final List<Fact> TABLE = List.of(
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_NAMESPACE, v("0.0.0"), "",
                    "spanmetrics connector: no default namespace before v0.109.0"),
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_NAMESPACE, v("0.109.0"), "traces.span.metrics",
                    "contrib PR #34485: DefaultNamespace = traces.span.metrics"),
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_UNIT, v("0.0.0"), "ms", "spanmetrics config: Histogram.Unit defaults to ms"),
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_FLUSH, v("0.0.0"), "15s", "spanmetrics factory: metrics_flush_interval 15s"),
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_FLUSH, v("0.98.0"), "60s",
                    "contrib PR #31806 raised the default to 60s (factory.go: 15 s in v0.97.0, 60 s in v0.98.0)"),
            new Fact(Program.JAEGER, JAEGER_NAMESPACE, v("0.0.0"), "", "no namespace before v1.62.0"),
            new Fact(Program.JAEGER, JAEGER_NAMESPACE, v("1.62.0"), "traces_span_metrics", "jaeger #6007"),
            new Fact(Program.JAEGER, JAEGER_CONNECTOR_NAMES, v("0.0.0"), "false", "v1.46–1.48: processor names by default"),
            new Fact(Program.JAEGER, JAEGER_CONNECTOR_NAMES, v("1.49.0"), "true", "v1.49–1.57: connector names by default"),
            new Fact(Program.JAEGER, JAEGER_CONNECTOR_NAMES, v("1.58.0"), REMOVED,
                    "jaeger #5539 removed processor support; connector names always"),
            new Fact(Program.JAEGER, JAEGER_NORMALIZE_CALLS, v("0.0.0"), ABSENT, "flag added in v1.47.0"),
            new Fact(Program.JAEGER, JAEGER_NORMALIZE_CALLS, v("1.47.0"), "false", "default false"),
            new Fact(Program.JAEGER, JAEGER_NORMALIZE_DURATION, v("0.0.0"), ABSENT, "flag added in v1.47.0"),
            new Fact(Program.JAEGER, JAEGER_NORMALIZE_DURATION, v("1.47.0"), "false", "default false"),
            new Fact(Program.JAEGER, JAEGER_DURATION_UNIT, v("0.0.0"), "ms", "default ms; ms or s accepted"),
            new Fact(Program.PROMETHEUS, PROMETHEUS_OTLP_FLAG, v("0.0.0"), ABSENT, "no OTLP receiver before v2.47.0"),
            new Fact(Program.PROMETHEUS, PROMETHEUS_OTLP_FLAG, v("2.47.0"), "--enable-feature=otlp-write-receiver",
                    "prometheus ad4f514e66 (v2.47.0)"),
            new Fact(Program.PROMETHEUS, PROMETHEUS_OTLP_FLAG, v("3.0.0"), "--web.enable-otlp-receiver",
                    "prometheus 77d3b3aff3 (v3.0.0); the feature flag is only warned about"),
            new Fact(Program.PROMETHEUS, PROMETHEUS_OTLP_SUFFIXES, v("2.47.0"), "always",
                    "v2.47 BuildPromCompliantName always adds _total and unit suffixes"),
            new Fact(Program.PROMETHEUS, PROMETHEUS_OTLP_SUFFIXES, v("3.0.0"), "UnderscoreEscapingWithSuffixes",
                    "v3 default otlp.translation_strategy"));

    private VersionFacts() {
    }

    /** The row in force for that version, if the table knows the setting. */
    public static Optional<Fact> lookup(Program program, String setting, Version version) {
        return TABLE.stream()
                .filter(f -> f.program() == program && f.setting().equals(setting) && version.atLeast(f.since()))
                .max(Comparator.comparing(Fact::since));
    }

    public static String value(Program program, String setting, Version version) {
        return lookup(program, setting, version)
                .orElseThrow(() -> new IllegalStateException("no version fact for " + program + " " + setting))
                .value();
    }

    public static List<Fact> table() {
        return TABLE;
    }

    private static Version v(String text) {
        return Version.of(text);
    }
}
