package org.oteltutorial.harness.lint;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.topology.Resolution;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.JaegerV2Config;
import org.oteltutorial.harness.tutorial.PrometheusModel;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.Workload;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every address that crosses the cluster reaches a workload listening there: the collector's exporter endpoints,
 * Jaeger's PROMETHEUS_SERVER_URL (which must reach Prometheus), and the Instrumentation's exporter endpoints.
 */
final class EndpointsRule implements Rule {

    static final String JAEGER_PROMETHEUS_URL = "prometheus.server-url";
    static final String JAEGER_PROMETHEUS_URL_DEFAULT = "http://localhost:9090";
    private static final Set<String> ENDPOINT_KEYS = Set.of("endpoint", "traces_endpoint", "metrics_endpoint", "logs_endpoint");
    private static final Set<String> LISTENING_EXPORTERS = Set.of("prometheus", "debug", "logging", "file");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String id() {
        return "endpoint-unresolved";
    }

    @Override
    public String description() {
        return "every exporter endpoint and Jaeger's PROMETHEUS_SERVER_URL reach a workload listening there";
    }

    @Override
    public List<Finding> check(LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (CollectorModel collector : context.model().collectors()) {
            for (Map.Entry<ComponentId, JsonNode> e : collector.config().defined(ComponentRole.EXPORTER).entrySet()) {
                if (LISTENING_EXPORTERS.contains(e.getKey().type()) || e.getValue() == null) {
                    continue;
                }
                for (String key : ENDPOINT_KEYS) {
                    JsonNode value = e.getValue().path(key);
                    if (value.isString()) {
                        unreached(context, value.asString(), collector.workload()).ifPresent(reason -> findings.add(Finding.error(id(),
                                collector.source(), "exporter " + e.getKey() + " " + key + " " + reason)));
                    }
                }
            }
        }
        context.model().jaeger().ifPresent(jaeger -> checkJaeger(context, jaeger, findings));
        for (SourcedResource instrumentation : context.model().manifests().ofKind("Instrumentation")) {
            checkInstrumentation(context, instrumentation, findings);
        }
        return findings;
    }

    private void checkJaeger(LintContext context, JaegerModel jaeger, List<Finding> findings) {
        if (jaeger.isV2()) {
            jaeger.v2Config().flatMap(JaegerV2Config::prometheusEndpoint)
                    .ifPresent(url -> checkJaegerUrl(context, jaeger, url, "prometheus.endpoint", findings));
            return;
        }
        if (!"prometheus".equals(jaeger.env().get("METRICS_STORAGE_TYPE"))) {
            return;
        }
        if (jaeger.args().value(JAEGER_PROMETHEUS_URL).isEmpty() && jaeger.fromReference("PROMETHEUS_SERVER_URL")) {
            findings.add(Finding.warning(id(), jaeger.source(), "PROMETHEUS_SERVER_URL comes from a Secret, ConfigMap or field"
                    + " (valueFrom), so the address SPM queries cannot be checked from the manifests"));
            return;
        }
        checkJaegerUrl(context, jaeger, jaeger.setting(JAEGER_PROMETHEUS_URL).orElse(JAEGER_PROMETHEUS_URL_DEFAULT),
                "PROMETHEUS_SERVER_URL", findings);
    }

    private void checkJaegerUrl(LintContext context, JaegerModel jaeger, String url, String setting, List<Finding> findings) {
        Resolution r = context.topology().resolve(url, jaeger.workload());
        Optional<PrometheusModel> prometheus = context.model().prometheus();
        if (r instanceof Resolution.Unreached u) {
            findings.add(Finding.error(id(), jaeger.source(), setting + " " + url + " does not resolve: " + u.reason()
                    + "; SPM queries fail with HTTP 500. Point it at the Prometheus Service, e.g. http://<service>.<namespace>:<port>"));
        } else if (r instanceof Resolution.Reached reached && prometheus.isPresent()
                && !reached.workload().equals(prometheus.get().workload())) {
            findings.add(Finding.error(id(), jaeger.source(), setting + " " + url + " reaches " + reached.describe()
                    + ", which is not Prometheus (" + prometheus.get().workload().describe() + "); SPM queries fail"));
        }
    }

    private void checkInstrumentation(LintContext context, SourcedResource instrumentation, List<Finding> findings) {
        JsonNode spec = json.valueToTree(((GenericKubernetesResource) instrumentation.resource()).getAdditionalProperties()).path("spec");
        Workload anyPod = new Workload(instrumentation, "a pod injected by", instrumentation.namespace(), instrumentation.name(),
                Map.of(), Map.of(), List.of(), List.of());
        List<String> endpoints = new ArrayList<>();
        if (spec.path("exporter").path("endpoint").isString()) {
            endpoints.add(spec.path("exporter").path("endpoint").asString());
        }
        for (Map.Entry<String, JsonNode> language : spec.properties()) {
            for (JsonNode env : language.getValue().path("env")) {
                if (env.path("name").asString("").equals("OTEL_EXPORTER_OTLP_ENDPOINT") && env.path("value").isString()) {
                    endpoints.add(env.path("value").asString());
                }
            }
        }
        for (String endpoint : endpoints) {
            unreached(context, endpoint, anyPod).ifPresent(reason -> findings.add(Finding.error(id(), instrumentation,
                    "exporter endpoint " + reason + "; the instrumented apps' spans never reach the collector")));
        }
    }

    private static Optional<String> unreached(LintContext context, String endpoint, Workload from) {
        Resolution r = context.topology().resolve(endpoint, from);
        if (r instanceof Resolution.Unreached u) {
            return Optional.of(endpoint + " does not resolve: " + u.reason());
        }
        return Optional.empty();
    }
}
