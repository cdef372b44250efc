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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.local.LocalStack;
import org.oteltutorial.harness.stack.local.LocalStackOptions;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.StackModel;

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

    @Test
    void interruptedRunLeavesNothing(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        Path console = dir.resolve("console.txt");
        Process harness = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                "org.oteltutorial.harness.cli.HarnessCli", "run", "--report", report.toString())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.readString(console).contains("stack up (local) done") || !harness.isAlive());
            assertThat(harness.isAlive()).as(Files.readString(console)).isTrue();
            List<Long> pids = Files.readAllLines(report.resolve("stack").resolve("pids")).stream()
                    .map(line -> Long.parseLong(line.split(" ")[1])).toList();
            assertThat(pids).hasSize(3).allMatch(LocalStackIT::alive);

            new ProcessBuilder("kill", "-INT", String.valueOf(harness.pid())).start().waitFor();

            assertThat(harness.waitFor(30, TimeUnit.SECONDS)).as("the harness exits on Ctrl-C").isTrue();
            assertThat(pids).as("no process of the stack outlives an interrupted run").noneMatch(LocalStackIT::alive);
        } finally {
            harness.destroyForcibly();
        }
    }

    @Test
    void brokenConfigFailsToStartQuotingTheCollector(@TempDir Path tmp) {
        Path manifests = StepSixVariant.bundled()
                .replace("collector.yaml", "receivers: [otlp, spanmetrics]", "receivers: [otlp]").writeTo(tmp.resolve("m"));
        Path report = tmp.resolve("report");

        HarnessCliRun run = HarnessCliRun.of(report, "run", "--no-lint", "--manifests", manifests.toString(), "--report",
                report.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.failures()).startsWith("stack up: collector exited with code 1 before it was ready")
                .contains("connector \"spanmetrics\" used as exporter in traces pipeline but not used in any supported receiver pipeline");
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
