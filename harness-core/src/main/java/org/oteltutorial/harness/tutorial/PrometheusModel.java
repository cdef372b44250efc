package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.Container;
import java.util.Optional;

/** Prometheus: its workload, container, flags and (if found) its {@code prometheus.yml}. */
public record PrometheusModel(Workload workload, Container container, ImageRef image, ContainerArgs args,
        Optional<ConfigFile> config) {

    public Optional<Version> version() {
        return image.version();
    }

    public SourcedResource source() {
        return workload.source();
    }
}
