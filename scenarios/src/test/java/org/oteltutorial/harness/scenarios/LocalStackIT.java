package org.oteltutorial.harness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oteltutorial.harness.stack.local.LocalStack;
import org.oteltutorial.harness.stack.local.LocalStackOptions;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;

/** The local stack comes up with every component ready, and leaves no process behind, also when interrupted. */
class LocalStackIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void upReadyDownNothingLeft(@TempDir Path dir) throws Exception {
        StackModel model = StackModel.from(new ManifestLoader().bundled());
        List<Long> pids;
        try (LocalStack stack = LocalStack.start(model, LocalStackOptions.in(dir, line -> { }))) {
            pids = stack.pids();
            assertThat(pids).hasSize(3).allMatch(LocalStackIT::alive);
            assertThat(status(stack.endpoints().prometheus().resolve("/-/ready"))).isEqualTo(200);
            assertThat(status(stack.endpoints().jaegerQuery().resolve("/api/services"))).isEqualTo(200);
            assertThat(status(URI.create(stack.endpoints().collectorOtlpHttp() + "/v1/traces"))).as("OTLP/HTTP answers")
                    .isIn(200, 400, 405, 415);
            assertThat(Files.readString(dir.resolve("collector").resolve("collector-config.yaml"))).contains("health_check");
        }
        assertThat(pids).noneMatch(LocalStackIT::alive);
        assertThat(dir.resolve("prometheus.log")).isNotEmptyFile();
        assertThat(dir.resolve("jaeger.log")).isNotEmptyFile();
        assertThat(dir.resolve("collector.log")).isNotEmptyFile();
    }

    @Test
    void keptOnFailureWhenAskedAndOnlyThen(@TempDir Path dir) {
        StackModel model = StackModel.from(new ManifestLoader().bundled());
        List<Long> pids;
        try (LocalStack stack = LocalStack.start(model, LocalStackOptions.in(dir.resolve("kept"), line -> { }).withKeepOnFailure(true))) {
            pids = stack.pids();
            stack.markFailed();
        }
        try {
            assertThat(pids).as("kept running after a failed check").allMatch(LocalStackIT::alive);
        } finally {
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        }
        try (LocalStack stack = LocalStack.start(model, LocalStackOptions.in(dir.resolve("passed"), line -> { }).withKeepOnFailure(true))) {
            pids = stack.pids();
        }
        assertThat(pids).as("a run without a failure keeps nothing").noneMatch(LocalStackIT::alive);
    }

    /**
     * Ctrl-C (SIGINT) and a supervisor's stop (SIGTERM, which also reaches a JVM started with SIGINT ignored, e.g.
     * under {@code nohup}) both end the run and its stack. Whatever the test finds, its {@code finally} stops the
     * stack's processes too, so a failing test leaves none behind.
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void interruptedRunLeavesNothing(String signal, @TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        Path console = dir.resolve("console.txt");
        Path pidsFile = report.resolve("stack").resolve("pids");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                "org.oteltutorial.harness.cli.HarnessCli", "run", "--report", report.toString()));
        if (signal.equals("TERM")) {
            // started with SIGINT ignored, as a background job or nohup starts it: only SIGTERM can stop it
            command.addAll(0, List.of("sh", "-c", "trap '' INT; exec \"$0\" \"$@\""));
        }
        Process harness = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.readString(console).contains("stack up (local) done") || !harness.isAlive());
            assertThat(harness.isAlive()).as(Files.readString(console)).isTrue();
            List<Long> pids = stackPids(pidsFile);
            assertThat(pids).hasSize(3).allMatch(LocalStackIT::alive);

            assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(harness.pid())).start().waitFor()).isZero();

            assertThat(harness.waitFor(30, TimeUnit.SECONDS)).as("the harness exits on SIG" + signal).isTrue();
            assertThat(pids).as("no process of the stack outlives a run ended by SIG" + signal).noneMatch(LocalStackIT::alive);
        } finally {
            harness.destroyForcibly();
            if (Files.exists(pidsFile)) {
                stackPids(pidsFile).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            }
        }
    }

    @Test
    void brokenConfigFailsToStartQuotingTheCollector(@TempDir Path tmp) {
        Path manifests = Step06.bundled()
                .replace(Step06.COLLECTOR, "receivers: [otlp, spanmetrics]", "receivers: [otlp]").writeTo(tmp.resolve("m"));
        Path report = tmp.resolve("report");

        HarnessCliRun run = HarnessCliRun.of(report, "run", "--no-lint", "--manifests", manifests.toString(), "--report",
                report.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.failures()).startsWith("stack up: collector exited with code 1 before it was ready")
                .contains("connector \"spanmetrics\" used as exporter in traces pipeline but not used in any supported receiver pipeline");
    }

    private static List<Long> stackPids(Path pidsFile) throws IOException {
        return Files.readAllLines(pidsFile).stream().map(line -> Long.parseLong(line.split(" ")[1])).toList();
    }

    private int status(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
