package org.oteltutorial.harness.tutorial;

/**
 * A configuration file a container reads, found through its volume mounts.
 *
 * @param path the path inside the container
 * @param origin where the text comes from, e.g. {@code ConfigMap observability-backend/prometheus-conf key prometheus.yml}
 * @param source the resource holding the text
 */
public record ConfigFile(String path, String origin, SourcedResource source, String text) {
}
