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
    public static final String SPANMETRICS_TYPE = "spanmetrics.type";
    public static final String TELEMETRY_METRICS = "service.telemetry.metrics";
    public static final String OTLP_GRPC_EXPORTER_TYPE = "exporter.otlp.type";
    public static final String OTLP_HTTP_EXPORTER_TYPE = "exporter.otlphttp.type";
    /** Gate {@code connector.spanmetrics.useSecondAsDefaultMetricsUnit}: the histogram's default unit becomes {@code s}. */
    public static final String GATE_SECONDS = "connector.spanmetrics.useSecondAsDefaultMetricsUnit";
    /** Gate {@code connector.spanmetrics.legacyMetricNames}: the default namespace is dropped (names {@code calls}, {@code duration}). */
    public static final String GATE_LEGACY_NAMES = "connector.spanmetrics.legacyMetricNames";
    /** Gate {@code spanmetrics.statusCodeConvention.useOtelPrefix}: the status label is {@code otel.status_code=ERROR}. */
    public static final String GATE_OTEL_STATUS = "spanmetrics.statusCodeConvention.useOtelPrefix";
    /** Gate {@code connector.spanmetrics.includeCollectorInstanceID}: an extra {@code collector.instance.id} label. */
    public static final String GATE_INSTANCE_ID = "connector.spanmetrics.includeCollectorInstanceID";
    public static final String JAEGER_SPM_CONFIG = "jaeger.spm.config";
    public static final String JAEGER_SAMPLING_FILE_FLAG = "sampling.strategies-file";
    public static final String JAEGER_MINSTEP = "api.metrics.minstep";
    public static final String PROMETHEUS_OTLP_FLAG = "otlp.receiver.flag";
    public static final String PROMETHEUS_OTLP_SUFFIXES = "otlp.metric.suffixes";

    /** Marks a setting a version no longer has. */
    public static final String REMOVED = "<removed>";
    /** Marks a feature a version does not have yet. */
    public static final String ABSENT = "<absent>";
    /** A feature gate that exists but is off unless {@code --feature-gates} turns it on. */
    public static final String GATE_OFF = "alpha (off)";
    /** A feature gate that is on unless {@code --feature-gates=-gate} turns it off. */
    public static final String GATE_ON = "beta (on)";

    private static final List<Fact> TABLE = List.of(
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_NAMESPACE, v("0.0.0"), "",
                    "spanmetrics connector: no default namespace before v0.109.0"),
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_NAMESPACE, v("0.109.0"), "traces.span.metrics",
                    "contrib PR #34485: DefaultNamespace = traces.span.metrics"),
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_UNIT, v("0.0.0"), "ms", "spanmetrics config: Histogram.Unit defaults to ms"),
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_FLUSH, v("0.0.0"), "15s", "spanmetrics factory: metrics_flush_interval 15s"),
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_FLUSH, v("0.98.0"), "60s",
                    "contrib PR #31806 raised the default to 60s (factory.go: 15 s in v0.97.0, 60 s in v0.98.0)"),
            new Fact(Program.COLLECTOR_CONTRIB, TELEMETRY_METRICS, v("0.0.0"), "address", "service.telemetry.metrics.address"),
            new Fact(Program.COLLECTOR_CONTRIB, TELEMETRY_METRICS, v("0.111.0"), "readers",
                    "address deprecated in v0.111 for readers (pull prometheus host/port); v0.161.0 refuses it ('has invalid keys: address')"),
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_TYPE, v("0.0.0"), "spanmetrics", "metadata.yaml type: spanmetrics (v0.150.0)"),
            new Fact(Program.COLLECTOR_CONTRIB, SPANMETRICS_TYPE, v("0.151.0"), "span_metrics",
                    "spanmetricsconnector metadata.yaml at v0.151.0 and v0.161.0: type span_metrics, deprecated_type spanmetrics (an alias)"),
            new Fact(Program.COLLECTOR_CONTRIB, OTLP_GRPC_EXPORTER_TYPE, v("0.0.0"), "otlp", "otlpexporter metadata.yaml type: otlp (v0.143.0)"),
            new Fact(Program.COLLECTOR_CONTRIB, OTLP_GRPC_EXPORTER_TYPE, v("0.144.0"), "otlp_grpc",
                    "otlpexporter metadata.yaml at v0.144.0: type otlp_grpc, deprecated_type otlp (an alias; still at v0.161.0)"),
            new Fact(Program.COLLECTOR_CONTRIB, OTLP_HTTP_EXPORTER_TYPE, v("0.0.0"), "otlphttp", "otlphttpexporter metadata.yaml type: otlphttp (v0.143.0)"),
            new Fact(Program.COLLECTOR_CONTRIB, OTLP_HTTP_EXPORTER_TYPE, v("0.144.0"), "otlp_http",
                    "otlphttpexporter metadata.yaml at v0.144.0: type otlp_http, deprecated_type otlphttp (an alias; still at v0.161.0)"),
            new Fact(Program.COLLECTOR_CONTRIB, GATE_SECONDS, v("0.161.0"), GATE_OFF,
                    "spanmetricsconnector v0.161.0 internal/metadata/generated_feature_gates.go: StageAlpha; factory.go: default unit s when on"),
            new Fact(Program.COLLECTOR_CONTRIB, GATE_LEGACY_NAMES, v("0.161.0"), GATE_OFF,
                    "v0.161.0: StageAlpha; connector.go drops the default namespace when on"),
            new Fact(Program.COLLECTOR_CONTRIB, GATE_OTEL_STATUS, v("0.161.0"), GATE_OFF,
                    "v0.161.0: StageAlpha; connector.go: otel.status_code=ERROR instead of status.code=STATUS_CODE_ERROR when on"),
            new Fact(Program.COLLECTOR_CONTRIB, GATE_INSTANCE_ID, v("0.161.0"), GATE_ON,
                    "v0.161.0: StageBeta; adds collector.instance.id to the dimensions (harmless for Jaeger's queries)"),
            new Fact(Program.JAEGER, JAEGER_SPM_CONFIG, v("0.0.0"), "flags/env",
                    "v1: METRICS_STORAGE_TYPE=prometheus and PROMETHEUS_* variables or --prometheus.* flags"),
            new Fact(Program.JAEGER, JAEGER_SPM_CONFIG, v("2.0.0"), "yaml",
                    "v2 (cmd/jaeger, read at v1.76.0 = v2.13.0): extensions.jaeger_query.storage.metrics and"
                            + " jaeger_storage.metric_backends.<name>.prometheus; the v1 variables are ignored"),
            new Fact(Program.JAEGER, JAEGER_SAMPLING_FILE_FLAG, v("0.0.0"), "accepted", "v1 all-in-one flag"),
            new Fact(Program.JAEGER, JAEGER_SAMPLING_FILE_FLAG, v("2.0.0"), REMOVED,
                    "v2 knows only --config/--set/--feature-gates: an unknown flag makes it exit"),
            new Fact(Program.JAEGER, JAEGER_MINSTEP, v("0.0.0"), "served", "GET /api/metrics/minstep"),
            new Fact(Program.JAEGER, JAEGER_MINSTEP, v("2.18.0"), REMOVED, "jaeger #8425 (v2.18.0) removed /api/metrics/minstep"),
            new Fact(Program.JAEGER, JAEGER_NAMESPACE, v("0.0.0"), "", "no namespace before v1.62.0"),
            new Fact(Program.JAEGER, JAEGER_NAMESPACE, v("1.62.0"), "traces_span_metrics", "jaeger #6007"),
            new Fact(Program.JAEGER, JAEGER_CONNECTOR_NAMES, v("0.0.0"), "false", "v1.46–1.48: processor names by default"),
            new Fact(Program.JAEGER, JAEGER_CONNECTOR_NAMES, v("1.49.0"), "true", "v1.49–1.57: connector names by default"),
            new Fact(Program.JAEGER, JAEGER_CONNECTOR_NAMES, v("1.58.0"), REMOVED,
                    "jaeger #5539 removed processor support; connector names always"),
            new Fact(Program.JAEGER, JAEGER_NORMALIZE_CALLS, v("0.0.0"), ABSENT, "flag added in v1.47.0"),
            new Fact(Program.JAEGER, JAEGER_NORMALIZE_CALLS, v("1.47.0"), "false",
                    "default false (v1 flag; v2 normalize_calls, default false in metricstore/prometheus/options.go at v1.76.0)"),
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
