package org.oteltutorial.harness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A kube run interrupted by SIGINT (Ctrl-C) or SIGTERM while its cluster starts or the tutorial deploys: the
 * harness's shutdown hook stops the cluster and the host holds exactly what it held before.
 */
@RequiresKube
class KubeInterruptIT {

    @TempDir
    Path report;

    @ParameterizedTest(name = "{0} after \"{1}\"")
    @CsvSource({"INT, Node Ready", "TERM, step backend"})
    void anInterruptedRunLeavesTheHostAsItWas(String signal, String after) throws IOException, InterruptedException {
        HostState before = HostState.capture();
        Process run = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.oteltutorial.harness.cli.HarnessCli", "run", "--stack", "kube", "--report",
                report.toString())).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        CompletableFuture<Void> reached = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains(after)) {
                        reached.complete(null);
                    }
                }
            } catch (IOException e) {
                reached.completeExceptionally(e);
            }
        });
        reader.start();
        try {
            Awaitility.await("the run to reach '" + after + "'").atMost(Duration.ofMinutes(3)).until(reached::isDone);
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start().waitFor()).isZero();
            assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("the run exits after SIGINT/SIGTERM").isTrue();
        } finally {
            run.destroyForcibly();
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        synchronized (output) {
            assertThat(output.toString()).contains("stopping the kube cluster and cleaning the host")
                    .contains("kube: stopped; the host is as it was before the cluster started");
        }
        assertThat(HostState.capture()).isEqualTo(before);
    }
}
