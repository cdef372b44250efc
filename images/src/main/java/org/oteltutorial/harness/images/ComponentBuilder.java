package org.oteltutorial.harness.images;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a local component from the Go module proxy with its script, into the {@link BinaryCache}; does nothing when
 * the binary for that version is already there. Concurrent builds of the same component wait for each other.
 */
public final class ComponentBuilder {

    private static final List<String> SCRIPT_FILES = List.of("common.sh", "build-otelcol.sh", "build-jaeger.sh", "build-prometheus.sh",
            "build-kubernetes.sh", "build-coredns.sh", "otelcol-builder.yaml");
    private static final int TAIL_LINES = 25;

    private final BinaryCache cache;
    private final Consumer<String> progress;

    public ComponentBuilder(BinaryCache cache, Consumer<String> progress) {
        this.cache = cache;
        this.progress = progress;
    }

    /** The binary of that component version, built first if missing. */
    public Path ensure(LocalComponent component) {
        var built = cache.built(component);
        if (built.isPresent()) {
            return built.get();
        }
        requireGo();
        Path lockFile = cache.root().resolve("locks").resolve(component.name() + "-" + component.version() + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.lock(); // released when the channel closes
                built = cache.built(component);
                if (built.isPresent()) {
                    return built.get(); // another process built it while we waited
                }
                return build(component);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path build(LocalComponent component) throws IOException {
        Path scripts = extractScripts(cache.work(component).resolve("scripts"));
        Path log = cache.buildLog(component);
        Files.createDirectories(log.getParent());
        progress.accept("building " + component.name() + " " + component.version() + " from the Go module proxy (log: " + log + ")");
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder("bash", scripts.resolve(component.script()).toString())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("VERSION", component.version());
        env.put("OUT", cache.binary(component).toString());
        env.put("WORK", cache.work(component).toString());
        env.put("GOMODCACHE", cache.goModCache().toString());
        env.put("GOCACHE", cache.goBuildCache().toString());
        env.put("GOPATH", cache.goPath().toString());
        Process process = pb.start();
        // Ctrl-C during a build must not leave `go build` running: stop the script's whole process tree on exit.
        Thread stopBuild = new Thread(() -> stopTree(process), "stop-" + component.name() + "-build");
        Runtime.getRuntime().addShutdownHook(stopBuild);
        try {
            return awaitBuild(component, process, log, start);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopBuild);
            } catch (IllegalStateException e) {
                // the JVM is shutting down; the hook is stopping the build
            }
        }
    }

    private static void stopTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private Path awaitBuild(LocalComponent component, Process process, Path log, long start) throws IOException {
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                logWriter.write(line);
                logWriter.write('\n');
                tail.addLast(line);
                if (tail.size() > TAIL_LINES) {
                    tail.removeFirst();
                }
                if (line.startsWith("[build-")) {
                    progress.accept("  " + line);
                }
            }
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            stopTree(process);
            Thread.currentThread().interrupt();
            throw new ComponentBuildException("building " + component.name() + " was interrupted");
        }
        if (exit != 0 || cache.built(component).isEmpty()) {
            throw new ComponentBuildException("building " + component.name() + " " + component.version() + " failed (exit " + exit
                    + "); last lines:\n" + String.join("\n", tail) + "\nfull log: " + log);
        }
        progress.accept(String.format("built %s %s in %.0f s", component.name(), component.version(), (System.nanoTime() - start) / 1e9));
        return cache.binary(component);
    }

    private static Path extractScripts(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : SCRIPT_FILES) {
            try (InputStream in = ComponentBuilder.class.getClassLoader().getResourceAsStream("components/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("components/" + name + " is missing from the classpath");
                }
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        return dir;
    }

    private static void requireGo() {
        if (!goAvailable()) {
            throw new ComponentBuildException("the Go toolchain ('go') is not on the PATH; the local stack builds the collector,"
                    + " Jaeger and Prometheus from the Go module proxy. Install Go 1.21 or later");
        }
    }

    /** Whether {@code go version} runs. */
    public static boolean goAvailable() {
        try {
            Process p = new ProcessBuilder("go", "version").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
