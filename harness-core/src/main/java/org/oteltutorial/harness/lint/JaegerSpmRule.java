package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.JaegerV2Config;

/**
 * Jaeger's Service Performance Monitoring is switched on: v1 by {@code METRICS_STORAGE_TYPE=prometheus}; v2 by its
 * YAML config ({@code jaeger_query.storage.metrics} naming a {@code jaeger_storage.metric_backends} entry with a
 * {@code prometheus.endpoint}), which ignores the v1 variables.
 */
final class JaegerSpmRule implements Rule {

    private static final String STORAGE_TYPE = "METRICS_STORAGE_TYPE";

    @Override
    public String id() {
        return "jaeger-spm";
    }

    @Override
    public String description() {
        return "Jaeger SPM is enabled (v1: METRICS_STORAGE_TYPE=prometheus; v2: a Prometheus metric backend in its YAML config)";
    }

    @Override
    public List<Finding> check(LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (JaegerModel jaeger : context.model().jaegers()) {
            if (jaeger.isV2()) {
                checkV2(jaeger).ifPresent(findings::add);
            } else if (!"prometheus".equals(jaeger.env().get(STORAGE_TYPE))) {
                findings.add(jaeger.fromReference(STORAGE_TYPE) ? unknown(jaeger) : finding(jaeger));
            }
        }
        return findings;
    }

    private Optional<Finding> checkV2(JaegerModel jaeger) {
        String v = jaeger.version().map(Object::toString).orElse("v2");
        String envHint = jaeger.env().containsKey(STORAGE_TYPE) ? " (Jaeger v2 ignores METRICS_STORAGE_TYPE and the PROMETHEUS_*"
                + " variables)" : "";
        if (jaeger.config().isEmpty()) {
            return Optional.of(Finding.error(id(), jaeger.source(), "Jaeger " + v + " has no config file the manifests hold"
                    + " (--config=<file> from a ConfigMap)" + envHint + ", so it runs its built-in config without SPM; mount a"
                    + " config whose extensions.jaeger_query.storage.metrics names a jaeger_storage.metric_backends entry with"
                    + " prometheus.endpoint"));
        }
        Optional<JaegerV2Config> parsed = jaeger.v2Config();
        String origin = jaeger.config().get().origin();
        if (parsed.isEmpty()) {
            return Optional.of(Finding.error(id(), jaeger.source(), origin + " is not a YAML mapping; Jaeger " + v + " refuses to start"));
        }
        JaegerV2Config config = parsed.get();
        if (!config.extensionEnabled(JaegerV2Config.QUERY_EXTENSION)) {
            return Optional.of(Finding.error(id(), jaeger.source(), origin + ": service.extensions does not list jaeger_query, so"
                    + " Jaeger " + v + " serves no query API and no SPM; add it"));
        }
        Optional<String> backend = config.metricsStorage();
        if (backend.isEmpty()) {
            return Optional.of(Finding.error(id(), jaeger.source(), origin + ": extensions.jaeger_query.storage.metrics is not set"
                    + envHint + ", so the metrics API answers that SPM is disabled and the Monitor tab is empty; set it to a"
                    + " jaeger_storage.metric_backends entry with prometheus.endpoint"));
        }
        if (!config.hasMetricBackend(backend.get())) {
            return Optional.of(Finding.error(id(), jaeger.source(), origin + ": jaeger_query.storage.metrics is '" + backend.get()
                    + "' but extensions.jaeger_storage.metric_backends has no entry '" + backend.get() + "'; Jaeger " + v
                    + " refuses to start. Add metric_backends." + backend.get() + ".prometheus.endpoint"));
        }
        if (config.prometheusBackend(backend.get()).isMissingNode()) {
            return Optional.of(Finding.error(id(), jaeger.source(), origin + ": metric backend '" + backend.get()
                    + "' is not a prometheus backend; the chapter's RED metrics are in Prometheus: give it prometheus.endpoint"));
        }
        if (config.prometheusEndpoint().isEmpty()) {
            return Optional.of(Finding.error(id(), jaeger.source(), origin + ": jaeger_storage.metric_backends." + backend.get()
                    + ".prometheus.endpoint is not set (it is required); Jaeger " + v + " refuses to start. Point it at the"
                    + " Prometheus Service, e.g. http://<service>.<namespace>:<port>"));
        }
        return Optional.empty();
    }

    private Finding unknown(JaegerModel jaeger) {
        return Finding.warning(id(), jaeger.source(), "METRICS_STORAGE_TYPE comes from a Secret, ConfigMap or field (valueFrom),"
                + " so whether SPM is on cannot be checked from the manifests; it must be 'prometheus'");
    }

    private Finding finding(JaegerModel jaeger) {
        String actual = jaeger.env().get(STORAGE_TYPE);
        return Finding.error(id(), jaeger.source(), "METRICS_STORAGE_TYPE is " + (actual == null ? "not set" : "'" + actual + "'")
                + ", so Jaeger's metrics API answers 501 and the Monitor tab is empty; set METRICS_STORAGE_TYPE=prometheus"
                + " and PROMETHEUS_SERVER_URL (the step-06 backend has them; the chapter's text gives no command to apply them)");
    }
}
