package org.oteltutorial.harness.matrix;

import java.util.Optional;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.naming.NameDerivation;
import org.oteltutorial.harness.naming.RedRoute;
import org.oteltutorial.harness.naming.StackNames;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.StackModel;
import tools.jackson.databind.node.ObjectNode;

/**
 * A collector whose connector namespaces its metrics ({@code traces.span.metrics}, the default since 0.109) in front of
 * a Jaeger v1 that queries the bare names: {@code namespace: ""} on the connector, which also keeps the chapter's
 * {@code calls_total} query true.
 */
final class ConnectorNamespaceFix implements Fix {

    @Override
    public Optional<Applied> apply(ManifestFiles files, StackModel model) {
        Optional<CollectorModel> collector = model.collector();
        if (collector.isEmpty() || model.jaeger().isEmpty() || model.jaeger().get().isV2()
                || !collector.get().source().kind().equals("OpenTelemetryCollector")) {
            return Optional.empty();
        }
        Optional<MetricNames> held = StackNames.produced(model, Topology.of(model)).flatMap(NameDerivation::names);
        Optional<MetricNames> asked = StackNames.queried(model).flatMap(NameDerivation::names);
        if (held.isEmpty() || asked.isEmpty() || held.get().calls().equals(asked.get().calls())
                || !held.get().calls().endsWith("_" + asked.get().calls())) {
            return Optional.empty();
        }
        Optional<ComponentId> connector = collector.get().config().connectorsOfType(RedRoute.CONNECTOR_TYPE).stream().findFirst();
        if (connector.isEmpty()) {
            return Optional.empty();
        }
        String file = collector.get().source().origin();
        YamlDocuments docs = YamlDocuments.parse(files.files().get(file));
        Optional<ObjectNode> cr = docs.find("OpenTelemetryCollector", collector.get().source().name());
        if (cr.isEmpty() || !cr.get().path("spec").path("config").isString()) {
            return Optional.empty();
        }
        ObjectNode spec = (ObjectNode) cr.get().get("spec");
        ObjectNode config = (ObjectNode) YamlDocuments.readTree(spec.get("config").asString());
        ObjectNode connectors = config.get("connectors") instanceof ObjectNode c ? c : config.putObject("connectors");
        ObjectNode settings = connectors.get(connector.get().toString()) instanceof ObjectNode s ? s : connectors.putObject(connector.get().toString());
        settings.put("namespace", "");
        spec.put("config", YamlDocuments.write(config).replaceFirst("^---\\n", ""));
        return Optional.of(new Applied(files.with(file, docs.text()), new AdviceItem(file,
                collector.get().source().describe() + ": set connectors." + connector.get() + ".namespace: \"\"",
                "collector " + collector.get().version().map(Object::toString).orElse("") + " names the metrics "
                        + held.get().calls() + " by default, while Jaeger queries " + asked.get().calls()
                        + " (and the chapter's text queries calls_total)")));
    }
}
