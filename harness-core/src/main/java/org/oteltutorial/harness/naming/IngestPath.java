package org.oteltutorial.harness.naming;

/** How spanmetrics reach Prometheus, which decides how names are translated. */
public enum IngestPath {
    /** The collector's {@code otlphttp} exporter to Prometheus' OTLP receiver. */
    PROMETHEUS_OTLP_RECEIVER,
    /** The collector's {@code prometheusremotewrite} exporter to Prometheus' remote-write receiver. */
    PROMETHEUS_REMOTE_WRITE,
    /** The collector's {@code prometheus} exporter, scraped by Prometheus. */
    PROMETHEUS_SCRAPE
}
