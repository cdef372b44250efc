package org.oteltutorial.harness.stack.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.topology.Endpoint;
import org.oteltutorial.harness.tutorial.ConfigFile;
import org.oteltutorial.harness.tutorial.PrometheusModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Prometheus with the flags of its Deployment and the {@code prometheus.yml} of its ConfigMap; it listens on a
 * loopback port, keeps its TSDB in the run's directory, and its scrape targets point at the local processes.
 */
final class PrometheusLaunch {

    private static final int DEFAULT_PORT = 9090;
    private static final Set<String> REPLACED_FLAGS = Set.of("config.file", "storage.tsdb.path", "web.listen-address");

    private final PrometheusModel prometheus;
    private final PortPlan ports;
    private URI api;

    PrometheusLaunch(PrometheusModel prometheus, PortPlan ports) {
        this.prometheus = prometheus;
        this.ports = ports;
    }

    LaunchSpec prepare(Path binary, Path workDir) {
        ConfigFile config = prometheus.config().orElseThrow(() -> new StackStartException(prometheus.workload().describe()
                + ": its --config.file is not in a ConfigMap of the manifests, so the local stack cannot start it"));
        int containerPort = prometheus.args().value("web.listen-address")
                .map(a -> Endpoint.parse(a).port().orElse(DEFAULT_PORT)).orElse(DEFAULT_PORT);
        String listen = ports.listen(prometheus.workload(), containerPort);
        api = URI.create("http://" + listen);
        Path configFile = workDir.resolve("prometheus.yml");
        RunFiles.write(configFile, rewriteTargets(config.text()));
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        boolean flagsStarted = false;
        boolean dropValue = false;
        for (String arg : prometheus.args().all()) {
            if (!arg.startsWith("-")) {
                // before the first flag: the program (the container's command); after it: the value of a flag
                // written as two arguments (--enable-feature otlp-write-receiver), kept unless its flag is replaced
                if (flagsStarted && !dropValue) {
                    command.add(arg);
                }
                dropValue = false;
                continue;
            }
            flagsStarted = true;
            String bare = arg.replaceFirst("^--?", "");
            boolean replaced = REPLACED_FLAGS.contains(bare.contains("=") ? bare.substring(0, bare.indexOf('=')) : bare);
            dropValue = replaced && !bare.contains("=");
            if (!replaced) {
                command.add(arg);
            }
        }
        command.add("--config.file=" + configFile);
        command.add("--storage.tsdb.path=" + workDir.resolve("data"));
        command.add("--web.listen-address=" + listen);
        return new LaunchSpec("prometheus", command, Map.of(), URI.create(api + "/-/ready"));
    }

    URI api() {
        return api;
    }

    private String rewriteTargets(String text) {
        YAMLMapper yaml = YAMLMapper.builder().build();
        JsonNode root = yaml.readTree(text);
        if (!(root instanceof ObjectNode)) {
            throw new StackStartException(prometheus.config().get().origin() + ": prometheus.yml is not a mapping");
        }
        for (JsonNode job : root.path("scrape_configs")) {
            for (JsonNode staticConfig : job.path("static_configs")) {
                if (staticConfig.get("targets") instanceof ArrayNode targets) {
                    for (int i = 0; i < targets.size(); i++) {
                        targets.set(i, ports.dial(targets.get(i).asString(), prometheus.workload(),
                                "scrape target of job " + job.path("job_name").asString("?")));
                    }
                }
            }
        }
        return yaml.writeValueAsString(root);
    }
}
