package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.naming.IngestPath;
import org.oteltutorial.harness.naming.RedRoute;
import org.oteltutorial.harness.topology.Endpoint;
import org.oteltutorial.harness.topology.Resolution;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.PrometheusModel;

/** The spanmetrics connector's metrics reach an exporter that reaches Prometheus, on its receiver's path. */
final class RedReachesPrometheusRule implements Rule {

    @Override
    public String id() {
        return "red-to-prometheus";
    }

    @Override
    public String description() {
        return "spanmetrics output reaches an exporter that reaches Prometheus";
    }

    @Override
    public List<Finding> check(LintContext context) {
        List<Finding> findings = new ArrayList<>();
        Optional<PrometheusModel> prometheus = context.model().prometheus();
        List<RedRoute> routes = RedRoute.find(context.model(), context.topology());
        for (CollectorModel collector : context.model().collectors()) {
            for (ComponentId connector : collector.config().connectorsOfType(RedRoute.CONNECTOR_TYPE)) {
                if (collector.config().pipelinesReceivingFrom(connector).isEmpty()) {
                    continue; // connector-wiring reports it
                }
                List<RedRoute> mine = routes.stream().filter(r -> r.collector() == collector && r.connector().equals(connector)).toList();
                if (mine.isEmpty()) {
                    findings.add(Finding.error(id(), collector.source(), "the metrics pipelines fed by " + connector
                            + " have no exporter that can reach Prometheus (otlphttp to its OTLP receiver, prometheusremotewrite"
                            + " or prometheus), so the RED metrics never reach it; add e.g. otlphttp with endpoint"
                            + " http://<prometheus-service>/api/v1/otlp"));
                    continue;
                }
                if (prometheus.isEmpty() || mine.stream().anyMatch(r -> r.reachesPrometheus(prometheus))) {
                    continue;
                }
                for (RedRoute r : mine) {
                    findings.add(Finding.error(id(), collector.source(), "RED metrics from " + connector + " go through pipeline "
                            + r.pipeline().id() + " to exporter " + r.exporter() + ", which " + why(r, prometheus.get())));
                }
            }
        }
        return findings;
    }

    private static String why(RedRoute r, PrometheusModel prometheus) {
        if (r.path() == IngestPath.PROMETHEUS_SCRAPE) {
            return "exposes them for scraping, but no Prometheus scrape target of " + prometheus.workload().describe()
                    + " is known to reach it; use otlphttp to Prometheus' OTLP receiver instead";
        }
        Resolution res = r.resolution().orElseThrow();
        if (res instanceof Resolution.Unreached u) {
            return "sends to " + r.endpoint() + ", which does not resolve: " + u.reason();
        }
        if (res instanceof Resolution.External) {
            return "sends to " + r.endpoint() + ", outside the stack, not to " + prometheus.workload().describe();
        }
        Resolution.Reached reached = (Resolution.Reached) res;
        if (!reached.workload().equals(prometheus.workload())) {
            return "sends to " + reached.describe() + ", which is not Prometheus (" + prometheus.workload().describe() + ")";
        }
        String expected = r.path() == IngestPath.PROMETHEUS_OTLP_RECEIVER ? "/api/v1/otlp/v1/metrics" : "/api/v1/write";
        String hint = r.path() == IngestPath.PROMETHEUS_OTLP_RECEIVER
                ? " (otlphttp appends /v1/metrics to 'endpoint', so set endpoint to http://…/api/v1/otlp)" : "";
        return "posts to path '" + Endpoint.parse(r.endpoint()).path() + "' but Prometheus receives on " + expected
                + ", so every export fails with 404" + hint;
    }
}
