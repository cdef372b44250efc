package org.oteltutorial.harness.naming;

import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.PrometheusModel;
import org.oteltutorial.harness.tutorial.StackModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The RED metric names of a whole stack: what Prometheus will hold, and what Jaeger will ask for. */
public final class StackNames {

    private StackNames() {
    }

    /** Names Prometheus will hold, from the first route of the spanmetrics connector that reaches it. */
    public static Optional<NameDerivation> produced(StackModel model, Topology topology) {
        Optional<PrometheusModel> prometheus = model.prometheus();
        List<RedRoute> routes = RedRoute.find(model, topology);
        Optional<RedRoute> route = routes.stream().filter(r -> r.reachesPrometheus(prometheus)).findFirst();
        if (route.isEmpty()) {
            route = routes.stream().findFirst();
        }
        return route.map(r -> ProducedNames.derive(r.collector().version(),
                r.collector().config().settings(ComponentRole.CONNECTOR, r.connector()), r.collector().featureGates(), r.path(),
                r.exporterSettings(),
                prometheus.flatMap(PrometheusModel::version), prometheus.flatMap(StackNames::translationStrategy)));
    }

    public static Optional<NameDerivation> queried(StackModel model) {
        return model.jaeger().map(QueriedNames::derive);
    }

    /** Prometheus 3's {@code otlp.translation_strategy}, when its config file sets one. */
    public static Optional<String> translationStrategy(PrometheusModel prometheus) {
        return prometheus.config().flatMap(file -> {
            try {
                JsonNode root = YAMLMapper.builder().build().readTree(file.text());
                JsonNode strategy = root == null ? null : root.path("otlp").path("translation_strategy");
                return strategy != null && strategy.isString() ? Optional.of(strategy.asString()) : Optional.<String>empty();
            } catch (RuntimeException e) {
                return Optional.<String>empty();
            }
        });
    }
}
