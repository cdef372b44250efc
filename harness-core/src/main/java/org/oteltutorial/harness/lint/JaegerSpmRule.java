package org.oteltutorial.harness.lint;

import java.util.List;
import org.oteltutorial.harness.tutorial.JaegerModel;

/** Jaeger's Service Performance Monitoring is switched on: {@code METRICS_STORAGE_TYPE=prometheus}. */
final class JaegerSpmRule implements Rule {

    @Override
    public String id() {
        return "jaeger-spm";
    }

    @Override
    public String description() {
        return "Jaeger SPM is enabled (METRICS_STORAGE_TYPE=prometheus)";
    }

    @Override
    public List<Finding> check(LintContext context) {
        return context.model().jaegers().stream()
                .filter(j -> j.version().map(v -> v.major() < 2).orElse(true))
                .filter(j -> !"prometheus".equals(j.env().get("METRICS_STORAGE_TYPE")))
                .map(j -> j.fromReference("METRICS_STORAGE_TYPE") ? unknown(j) : finding(j))
                .toList();
    }

    private Finding unknown(JaegerModel jaeger) {
        return Finding.warning(id(), jaeger.source(), "METRICS_STORAGE_TYPE comes from a Secret, ConfigMap or field (valueFrom),"
                + " so whether SPM is on cannot be checked from the manifests; it must be 'prometheus'");
    }

    private Finding finding(JaegerModel jaeger) {
        String actual = jaeger.env().get("METRICS_STORAGE_TYPE");
        return Finding.error(id(), jaeger.source(), "METRICS_STORAGE_TYPE is " + (actual == null ? "not set" : "'" + actual + "'")
                + ", so Jaeger's metrics API answers 501 and the Monitor tab is empty; set METRICS_STORAGE_TYPE=prometheus"
                + " and PROMETHEUS_SERVER_URL (the step-06 backend has them; the chapter's text gives no command to apply them)");
    }
}
