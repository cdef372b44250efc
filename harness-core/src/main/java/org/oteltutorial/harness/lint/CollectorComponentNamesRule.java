package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.ComponentRole;
import org.oteltutorial.harness.naming.Program;
import org.oteltutorial.harness.naming.VersionFacts;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.Version;

/**
 * Component type names match the collector's version: the renamed {@code span_metrics} connector and
 * {@code otlp_grpc}/{@code otlp_http} exporters are unknown to older collectors (the config is refused), and newer
 * ones keep the old names only as deprecated aliases.
 */
final class CollectorComponentNamesRule implements Rule {

    /** (role, old type) → the version fact that says which name is current. */
    private static final Map<ComponentRole, Map<String, String>> RENAMED = Map.of(
            ComponentRole.CONNECTOR, Map.of("spanmetrics", VersionFacts.SPANMETRICS_TYPE),
            ComponentRole.EXPORTER, Map.of("otlp", VersionFacts.OTLP_GRPC_EXPORTER_TYPE, "otlphttp", VersionFacts.OTLP_HTTP_EXPORTER_TYPE));

    @Override
    public String id() {
        return "collector-component-names";
    }

    @Override
    public String description() {
        return "component type names are the ones the collector version knows (span_metrics, otlp_grpc, otlp_http and their old aliases)";
    }

    @Override
    public List<Finding> check(LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (CollectorModel collector : context.model().collectors()) {
            Optional<Version> version = collector.version();
            if (version.isEmpty()) {
                continue;
            }
            for (var role : RENAMED.entrySet()) {
                for (ComponentId id : collector.config().defined(role.getKey()).keySet()) {
                    String fact = role.getValue().get(id.canonicalType());
                    if (fact == null) {
                        continue;
                    }
                    String current = VersionFacts.value(Program.COLLECTOR_CONTRIB, fact, version.get());
                    if (!id.type().equals(current)) {
                        findings.add(finding(collector, version.get(), role.getKey(), id, current));
                    }
                }
            }
        }
        return findings;
    }

    private Finding finding(CollectorModel collector, Version v, ComponentRole role, ComponentId id, String current) {
        String what = role.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
        if (ComponentId.isOldName(id.type())) {
            return Finding.warning(id(), collector.source(), what + ": collector " + v + " calls this type '" + current
                    + "'; '" + id.type() + "' still works as a deprecated alias (it logs a deprecation warning and may be removed);"
                    + " rename it to " + current + (id.name().isEmpty() ? "" : "/" + id.name()) + " in the component and its pipelines");
        }
        return Finding.error(id(), collector.source(), what + ": collector " + v + " has no type '" + id.type() + "' (it is named '"
                + current + "' there), so it refuses the config and does not start; use " + current
                + (id.name().isEmpty() ? "" : "/" + id.name()));
    }
}
