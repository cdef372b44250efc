package org.oteltutorial.harness.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.collector.CollectorConfig;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.collector.Pipeline;
import org.oteltutorial.harness.topology.Endpoint;
import org.oteltutorial.harness.topology.Resolution;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.PrometheusModel;
import org.oteltutorial.harness.tutorial.StackModel;
import tools.jackson.databind.JsonNode;

/**
 * One way the spanmetrics connector's metrics leave the collector towards Prometheus: connector → metrics pipeline →
 * exporter → (resolved) endpoint.
 *
 * @param endpoint the address the exporter sends to (for {@code otlphttp}, with {@code /v1/metrics} appended as it does)
 * @param resolution where that address leads; empty for the {@code prometheus} exporter, which is scraped instead
 */
public record RedRoute(CollectorModel collector, ComponentId connector, Pipeline pipeline, ComponentId exporter, IngestPath path,
        JsonNode exporterSettings, String endpoint, Optional<Resolution> resolution) {

    public static final String CONNECTOR_TYPE = "spanmetrics";

    /** Whether the route ends at the stack's Prometheus, on the path its receiver listens on. */
    public boolean reachesPrometheus(Optional<PrometheusModel> prometheus) {
        if (prometheus.isEmpty() || resolution.isEmpty()) {
            return false;
        }
        if (!(resolution.get() instanceof Resolution.Reached reached)) {
            return false;
        }
        if (path == IngestPath.PROMETHEUS_SCRAPE) {
            return reached.workload().equals(collector.workload()); // a scrape target of Prometheus reaches the exporter
        }
        if (!reached.workload().equals(prometheus.get().workload())) {
            return false;
        }
        String p = Endpoint.parse(endpoint).path();
        return switch (path) {
            case PROMETHEUS_OTLP_RECEIVER -> p.equals("/api/v1/otlp/v1/metrics");
            case PROMETHEUS_REMOTE_WRITE -> p.equals("/api/v1/write");
            case PROMETHEUS_SCRAPE -> throw new IllegalStateException("handled above");
        };
    }

    /** Every route of every collector's spanmetrics connector, in config order. */
    public static List<RedRoute> find(StackModel model, Topology topology) {
        List<RedRoute> routes = new ArrayList<>();
        for (CollectorModel collector : model.collectors()) {
            CollectorConfig config = collector.config();
            for (ComponentId connector : config.connectorsOfType(CONNECTOR_TYPE)) {
                for (Pipeline pipeline : config.pipelinesReceivingFrom(connector)) {
                    for (ComponentId exporter : pipeline.exporters()) {
                        route(model, collector, connector, pipeline, exporter, topology).ifPresent(routes::add);
                    }
                }
            }
        }
        return routes;
    }

    private static Optional<RedRoute> route(StackModel model, CollectorModel collector, ComponentId connector, Pipeline pipeline,
            ComponentId exporter, Topology topology) {
        JsonNode settings = collector.config().settings(ComponentRole.EXPORTER, exporter);
        String endpoint;
        IngestPath path;
        switch (exporter.canonicalType()) {
            case "otlphttp" -> {
                path = IngestPath.PROMETHEUS_OTLP_RECEIVER;
                if (settings.path("metrics_endpoint").isString()) {
                    endpoint = settings.path("metrics_endpoint").asString();
                } else if (settings.path("endpoint").isString()) {
                    String base = settings.path("endpoint").asString();
                    endpoint = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/metrics";
                } else {
                    return Optional.empty();
                }
            }
            case "prometheusremotewrite" -> {
                path = IngestPath.PROMETHEUS_REMOTE_WRITE;
                endpoint = settings.path("endpoint").asString("");
            }
            case "prometheus" -> {
                String listen = settings.path("endpoint").asString("");
                return Optional.of(new RedRoute(collector, connector, pipeline, exporter, IngestPath.PROMETHEUS_SCRAPE, settings,
                        listen, scrapeTarget(model, topology, collector, listen)));
            }
            default -> {
                return Optional.empty();
            }
        }
        Resolution resolution = topology.resolve(endpoint, collector.workload());
        return Optional.of(new RedRoute(collector, connector, pipeline, exporter, path, settings, endpoint, Optional.of(resolution)));
    }


    /** The Prometheus scrape target that reaches the collector's {@code prometheus} exporter, if one does. */
    private static Optional<Resolution> scrapeTarget(StackModel model, Topology topology, CollectorModel collector, String listen) {
        java.util.OptionalInt port;
        try {
            port = Endpoint.parse(listen).port();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (port.isEmpty() || model.prometheus().isEmpty() || model.prometheus().get().config().isEmpty()) {
            return Optional.empty();
        }
        PrometheusModel prometheus = model.prometheus().get();
        JsonNode root;
        try {
            root = tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(prometheus.config().get().text());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        for (JsonNode job : root.path("scrape_configs")) {
            for (JsonNode staticConfig : job.path("static_configs")) {
                for (JsonNode target : staticConfig.path("targets")) {
                    Resolution r = topology.resolve(target.asString(""), prometheus.workload());
                    if (r instanceof Resolution.Reached reached && reached.workload().equals(collector.workload())
                            && reached.containerPort() == port.getAsInt()) {
                        return Optional.of(r);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
