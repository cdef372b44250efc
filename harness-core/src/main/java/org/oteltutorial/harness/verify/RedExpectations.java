package org.oteltutorial.harness.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.naming.NameDerivation;
import org.oteltutorial.harness.naming.Program;
import org.oteltutorial.harness.naming.StackNames;
import org.oteltutorial.harness.naming.VersionFacts;
import org.oteltutorial.harness.naming.RedRoute;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Version;
import tools.jackson.databind.JsonNode;

/**
 * What the manifests say the RED metrics must look like: the names Prometheus holds (from the lint's name model),
 * the names Jaeger queries, the histogram's bounds and unit, the connector's flush interval, and the sampling policy.
 *
 * @param boundsMs the histogram's explicit bounds in milliseconds; empty when the histogram is exponential
 * @param leScale what a bound in ms is multiplied by to give Prometheus' {@code le} label (1 for ms, 0.001 for s)
 */
public record RedExpectations(MetricNames prometheusNames, String prometheusDerivation, Optional<MetricNames> jaegerNames,
        String jaegerDerivation, List<Double> boundsMs, double leScale, Duration flushInterval, SamplingPolicy sampling) {

    /** The connector's default explicit buckets, in ms ({@code defaultHistogramBucketsMs} in the contrib source). */
    static final List<Double> DEFAULT_BUCKETS_MS = List.of(2d, 4d, 6d, 8d, 10d, 50d, 100d, 200d, 400d, 800d, 1000d, 1400d, 2000d,
            5000d, 10000d, 15000d);

    public static RedExpectations of(StackModel model) {
        Topology topology = Topology.of(model);
        CollectorModel collector = model.collector().orElseThrow(() -> new IllegalArgumentException("the manifests have no collector"));
        NameDerivation produced = StackNames.produced(model, topology).orElseThrow(() -> new IllegalArgumentException(
                "the collector has no spanmetrics connector whose metrics reach an exporter"));
        MetricNames names = produced.names().orElseThrow(() -> new IllegalArgumentException(
                "cannot tell which metric names Prometheus will hold: " + produced.explain()));
        Optional<NameDerivation> queried = StackNames.queried(model);
        JsonNode connector = collector.config().connectorsOfType(RedRoute.CONNECTOR_TYPE).stream().findFirst()
                .map(id -> collector.config().settings(ComponentRole.CONNECTOR, id)).orElseThrow();
        String unit = connector.path("histogram").path("unit")
                .asString(collector.featureGates().enabled(VersionFacts.GATE_SECONDS, false) ? "s" : "ms");
        double scale = unit.equals("s") ? 0.001 : 1;
        List<Double> bounds = bounds(connector.path("histogram"));
        Duration flush = connector.path("metrics_flush_interval").isString()
                ? SamplingPolicy.parseDuration(connector.path("metrics_flush_interval").asString())
                : SamplingPolicy.parseDuration(VersionFacts.value(Program.COLLECTOR_CONTRIB, VersionFacts.SPANMETRICS_FLUSH,
                        collector.version().orElse(Version.of("0.0.0"))));
        return new RedExpectations(names, produced.explain(), queried.flatMap(NameDerivation::names),
                queried.map(NameDerivation::explain).orElse("no Jaeger in the manifests"), bounds, scale, flush,
                SamplingPolicy.of(collector.config()));
    }

    private static List<Double> bounds(JsonNode histogram) {
        if (histogram.has("exponential")) {
            return List.of();
        }
        JsonNode explicit = histogram.path("explicit").path("buckets");
        if (!explicit.isArray() || explicit.isEmpty()) {
            return DEFAULT_BUCKETS_MS;
        }
        List<Double> bounds = new ArrayList<>();
        for (JsonNode b : explicit) {
            bounds.add((double) SamplingPolicy.parseDuration(b.asString()).toNanos() / 1e6);
        }
        return bounds;
    }

    /** The {@code le} label value Prometheus gives a bound in ms. */
    double le(double boundMs) {
        return boundMs * leScale;
    }
}
