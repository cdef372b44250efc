package org.oteltutorial.harness.stack.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.MountedFiles;

/**
 * Jaeger all-in-one (v1) with the env and flags of its Deployment; every server it opens moves to a loopback port,
 * and PROMETHEUS_SERVER_URL dials the local Prometheus through the topology.
 */
final class JaegerLaunch implements JaegerLauncher {

    /** Jaeger v1 all-in-one's servers: default port → the flag that moves it. */
    private static final Map<Integer, String> PORT_FLAGS = Map.ofEntries(
            Map.entry(16686, "query.http-server.host-port"),
            Map.entry(16685, "query.grpc-server.host-port"),
            Map.entry(14269, "admin.http.host-port"),
            Map.entry(14250, "collector.grpc-server.host-port"),
            Map.entry(14268, "collector.http-server.host-port"),
            Map.entry(4317, "collector.otlp.grpc.host-port"),
            Map.entry(4318, "collector.otlp.http.host-port"),
            Map.entry(9411, "collector.zipkin.host-port"),
            Map.entry(5778, "http-server.host-port"),
            Map.entry(6831, "processor.jaeger-compact.server-host-port"),
            Map.entry(6832, "processor.jaeger-binary.server-host-port"),
            Map.entry(5775, "processor.zipkin-compact.server-host-port"));
    static final int QUERY_PORT = 16686;
    static final int ADMIN_PORT = 14269;
    private static final int COLLECTOR_GRPC_PORT = 14250;
    private static final String SERVER_URL = "prometheus.server-url";
    private static final String SERVER_URL_DEFAULT = "http://localhost:9090";

    private final JaegerModel jaeger;
    private final PortPlan ports;
    private final MountedFiles files;
    private URI query;

    JaegerLaunch(JaegerModel jaeger, PortPlan ports, MountedFiles files) {
        this.jaeger = jaeger;
        this.ports = ports;
        this.files = files;
    }

    @Override
    public LaunchSpec prepare(Path binary, Path workDir) {
        Map<String, String> env = new LinkedHashMap<>(jaeger.env());
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        List<String> args = new MountedArgs(files).localize(jaeger.args().all(), jaeger.workload(), jaeger.container(), workDir);
        for (String arg : args) {
            String bare = arg.replaceFirst("^--?", "");
            if (PORT_FLAGS.values().stream().anyMatch(f -> bare.startsWith(f + "=")) || bare.startsWith(SERVER_URL + "=")
                    || bare.startsWith("reporter.grpc.host-port=")) {
                continue; // replaced below
            }
            command.add(arg);
        }
        PORT_FLAGS.forEach((port, flag) -> {
            command.add("--" + flag + "=" + ports.listen(jaeger.workload(), port));
            env.remove(JaegerModel.envName(flag));
        });
        env.remove("COLLECTOR_ZIPKIN_HOST_PORT");
        command.add("--reporter.grpc.host-port=" + ports.listen(jaeger.workload(), COLLECTOR_GRPC_PORT));
        if ("prometheus".equals(env.get("METRICS_STORAGE_TYPE"))) {
            String url = jaeger.setting(SERVER_URL).orElse(SERVER_URL_DEFAULT);
            env.remove(JaegerModel.envName(SERVER_URL));
            command.add("--" + SERVER_URL + "=" + ports.dial(url, jaeger.workload(), "Jaeger PROMETHEUS_SERVER_URL"));
        }
        // Jaeger traces itself to localhost:4317 (its own receiver, in its pod). Here that could be another program,
        // and at shutdown the exporter blocks for 10 s on the receiver it just closed: its self-tracing is switched off.
        env.putIfAbsent("OTEL_TRACES_SAMPLER", "always_off");
        query = URI.create("http://" + ports.listen(jaeger.workload(), QUERY_PORT));
        return new LaunchSpec("jaeger", command, env, URI.create("http://" + ports.listen(jaeger.workload(), ADMIN_PORT) + "/"));
    }

    @Override
    public URI query() {
        return query;
    }

    @Override
    public String note() {
        return "jaeger: its own tracing is off (OTEL_TRACES_SAMPLER=always_off), so it does not trace itself into the stack";
    }
}
