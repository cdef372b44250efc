package org.oteltutorial.harness.stack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.oteltutorial.harness.stack.Stack;
import org.oteltutorial.harness.stack.StackEndpoints;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.JaegerModel;
import org.oteltutorial.harness.tutorial.MountedFiles;
import org.oteltutorial.harness.tutorial.PrometheusModel;
import org.oteltutorial.harness.tutorial.StackModel;

/**
 * The chapter's pipeline as local processes: the real collector-contrib, Prometheus and Jaeger binaries, configured
 * from the manifests, on loopback ports. Closing it (or the JVM shutting down, e.g. on Ctrl-C) stops every process.
 */
public final class LocalStack implements Stack {

    private final List<ManagedProcess> processes;
    private final StackEndpoints endpoints;
    private final List<String> notes;
    private final Thread shutdownHook;
    private final LocalStackOptions options;
    private boolean closed;
    private boolean failed;

    private LocalStack(List<ManagedProcess> processes, StackEndpoints endpoints, List<String> notes, LocalStackOptions options) {
        this.processes = processes;
        this.endpoints = endpoints;
        this.notes = List.copyOf(notes);
        this.options = options;
        this.shutdownHook = new Thread(this::stopAll, "local-stack-shutdown");
    }

    /** Starts the collector, Prometheus and Jaeger the model describes, and waits until each is ready. */
    public static LocalStack start(StackModel model, LocalStackOptions options) {
        CollectorModel collector = model.collector().orElseThrow(() -> new StackStartException("the manifests have no collector"));
        PrometheusModel prometheus = model.prometheus().orElseThrow(() -> new StackStartException("the manifests have no Prometheus"));
        JaegerModel jaeger = model.jaeger().orElseThrow(() -> new StackStartException("the manifests have no Jaeger"));
        Set<String> local = new HashSet<>(List.of(collector.workload().describe(), prometheus.workload().describe(),
                jaeger.workload().describe()));
        PortPlan ports = new PortPlan(Topology.of(model), local);
        MountedFiles files = new MountedFiles(model.manifests());
        List<String> notes = new ArrayList<>();

        PrometheusLaunch prometheusLaunch = new PrometheusLaunch(prometheus, ports);
        JaegerLauncher jaegerLaunch = jaeger.isV2() ? new JaegerV2Launch(jaeger, ports) : new JaegerLaunch(jaeger, ports, files);
        CollectorLaunch collectorLaunch = new CollectorLaunch(collector, ports);
        Path dir = options.workDir().toAbsolutePath();
        LaunchSpec prometheusSpec = prometheusLaunch.prepare(options.binaries().binary("prometheus", prometheus.image()), dir.resolve("prometheus"));
        LaunchSpec jaegerSpec = jaegerLaunch.prepare(options.binaries().binary(jaeger.isV2() ? "jaeger-v2" : "jaeger", jaeger.image()), dir.resolve("jaeger"));
        LaunchSpec collectorSpec = collectorLaunch.prepare(options.binaries().binary("otelcol", collector.image()), dir.resolve("collector"));
        if (collectorLaunch.otlpGrpc() == null || collectorLaunch.otlpHttp() == null) {
            throw new StackStartException(collector.source().describe() + ": the collector has no otlp receiver with both grpc and http");
        }
        notes.add(jaegerLaunch.note());
        notes.add("collector: a health_check extension on " + collectorSpec.readiness().getAuthority()
                + " was added to tell when it is ready; its telemetry moved to a loopback port");
        notes.add("addresses: " + ports.mappings().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining(", ")));

        List<ManagedProcess> started = Collections.synchronizedList(new ArrayList<>());
        LocalStack stack = new LocalStack(started, new StackEndpoints(collectorLaunch.otlpGrpc(), collectorLaunch.otlpHttp(),
                prometheusLaunch.api(), jaegerLaunch.query(), Optional.empty()), notes, options);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            List<LaunchSpec> specs = List.of(prometheusSpec, jaegerSpec, collectorSpec);
            for (LaunchSpec spec : specs) {
                Path componentDir = dir.resolve(spec.name());
                started.add(ManagedProcess.start(spec.name(), spec.command(), spec.env(), dir.resolve(spec.name() + ".log"), mkdirs(componentDir)));
            }
            writePids(dir, started);
            Readiness readiness = new Readiness(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build());
            for (int i = 0; i < specs.size(); i++) {
                options.progress().accept("  waiting for " + specs.get(i).name() + " (" + specs.get(i).readiness() + ")");
                readiness.waitUntilReady(started.get(i), specs.get(i).readiness(), options.readyTimeout());
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePids(Path dir, List<ManagedProcess> processes) {
        String text = processes.stream().map(p -> p.name() + " " + p.pid()).collect(Collectors.joining("\n", "", "\n"));
        RunFiles.write(dir.resolve("pids"), text);
    }

    /** Process ids of the running components, by name (tests check that none outlives the stack). */
    public List<Long> pids() {
        return processes.stream().map(ManagedProcess::pid).toList();
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public StackEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public synchronized void markFailed() {
        failed = true;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (failed && options.keepOnFailure()) {
            keepRunning();
            return;
        }
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook is running or ran
        }
    }

    /** Leaves the processes running (the run asked to keep them on failure) and says where they are and how to stop them. */
    private void keepRunning() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            stopAll(); // the JVM is shutting down (Ctrl-C): nothing is kept then
            return;
        }
        options.progress().accept("kept running for inspection (--keep-on-failure): Prometheus " + endpoints.prometheus()
                + ", Jaeger " + endpoints.jaegerQuery() + ", collector OTLP " + endpoints.collectorOtlpGrpc());
        options.progress().accept("stop them with: kill " + processes.stream().map(p -> String.valueOf(p.pid()))
                .collect(Collectors.joining(" ")));
    }

    private void stopAll() {
        List<ManagedProcess> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        reversed.forEach(ManagedProcess::requestStop);
        reversed.forEach(ManagedProcess::close);
    }
}
