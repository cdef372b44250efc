package org.oteltutorial.harness.stack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.MountedFiles;
import org.oteltutorial.harness.tutorial.PrometheusModel;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The three launches of a local stack over one port plan, as {@link LocalStack#start} wires them, without processes. */
final class LocalStackFixture {

    static final Path OTELCOL = Path.of("/opt/bin/otelcol-contrib");
    static final Path PROMETHEUS = Path.of("/opt/bin/prometheus");
    static final Path JAEGER = Path.of("/opt/bin/jaeger-all-in-one");

    final StackModel model;
    final CollectorModel collector;
    final PrometheusModel prometheus;
    final JaegerModel jaeger;
    final PortPlan ports;
    final CollectorLaunch collectorLaunch;
    final PrometheusLaunch prometheusLaunch;
    final JaegerLaunch jaegerLaunch;

    LocalStackFixture(Step06 manifests) {
        model = manifests.model();
        collector = model.collector().orElseThrow();
        prometheus = model.prometheus().orElseThrow();
        jaeger = model.jaeger().orElseThrow();
        ports = new PortPlan(Topology.of(model),
                Set.of(collector.workload().describe(), prometheus.workload().describe(), jaeger.workload().describe()));
        collectorLaunch = new CollectorLaunch(collector, ports);
        prometheusLaunch = new PrometheusLaunch(prometheus, ports);
        jaegerLaunch = new JaegerLaunch(jaeger, ports, new MountedFiles(model.manifests()));
    }

    static JsonNode yaml(Path file) {
        try {
            return YAMLMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
