package org.oteltutorial.harness.tutorial;

import java.util.Optional;
import org.oteltutorial.harness.collector.CollectorConfig;

/**
 * An OpenTelemetry Collector of the stack.
 *
 * @param source the resource that defines it (the {@code OpenTelemetryCollector} CR or the workload)
 * @param configOrigin where its config text lives, for messages
 */
public record CollectorModel(SourcedResource source, Workload workload, ImageRef image, CollectorConfig config,
        String configOrigin) {

    public Optional<Version> version() {
        return image == null ? Optional.empty() : image.version();
    }

    /** The gates {@code --feature-gates} sets on the collector container (for a CR: {@code spec.args}). */
    public FeatureGates featureGates() {
        return workload.containers().stream().findFirst()
                .map(c -> FeatureGates.of(ContainerArgs.of(c).values(FeatureGates.FLAG)))
                .orElse(FeatureGates.none());
    }
}
