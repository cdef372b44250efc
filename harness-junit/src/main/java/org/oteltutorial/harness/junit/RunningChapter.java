package org.oteltutorial.harness.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.oteltutorial.harness.cli.StackProviders;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.lint.Linter;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.report.PhaseClock;
import org.oteltutorial.harness.run.LastAnswers;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.Stack;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.stack.cluster.KubernetesStack;
import org.oteltutorial.harness.traffic.TrafficGenerator;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.verify.RedExpectations;
import org.oteltutorial.harness.verify.RedVerifier;
import org.oteltutorial.harness.verify.SentTraffic;

/** One test class's stack, from start to close, with what its tests are handed. */
final class RunningChapter implements AutoCloseable {

    private final StackModel model;
    private final RedExpectations expected;
    private final Stack stack;
    private final Path reportDir;
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private final RedVerifier verifier;
    private final ChapterTraffic traffic;
    private final RedAssertions assertions;
    private SentTraffic chapterTraffic;
    private boolean closed;

    private RunningChapter(StackModel model, RedExpectations expected, Stack stack, Path reportDir, Consumer<String> console) {
        this.model = model;
        this.expected = expected;
        this.stack = stack;
        this.reportDir = reportDir;
        this.verifier = new RedVerifier(model, expected, stack.endpoints());
        this.traffic = new ChapterTraffic(TrafficGenerator.to(stack.endpoints().collectorOtlpGrpc()), verifier, new PhaseClock(console));
        this.assertions = new RedAssertions(verifier, expected, console);
    }

    /**
     * Lints (when asked), then brings the stack up. An environment that cannot run the stack aborts the class with the
     * reason, unless {@code -Dharness.require} names the stack.
     */
    static RunningChapter start(Manifests manifests, String stackName, boolean lint, Path reportDir) {
        Consumer<String> console = line -> System.out.println("[chapter] " + line);
        StackModel model = StackModel.from(manifests);
        if (lint) {
            LintResult result = Linter.standard().lint(model);
            if (!result.passed()) {
                throw new AssertionFailedError("the lint finds errors in the manifests (use ChapterStack.withoutLint() to let the"
                        + " runtime checks judge them): " + result.errors().stream().map(f -> "[" + f.rule() + "] " + f.message())
                        .collect(Collectors.joining("; ")));
            }
        }
        StackProvider provider = StackProviders.byName(stackName);
        try {
            provider.checkEnvironment();
        } catch (EnvironmentException e) {
            if (System.getProperty("harness.require", "").contains(stackName)) {
                throw new AssertionFailedError("-Dharness.require=" + stackName + ", but " + e.getMessage(), e);
            }
            console.accept("stack " + stackName + " cannot run here: " + e.getMessage());
            throw new TestAbortedException("stack " + stackName + " cannot run here: " + e.getMessage(), e);
        }
        RedExpectations expected = RedExpectations.of(model);
        console.accept("stack up (" + stackName + "), report " + reportDir);
        Stack stack = provider.start(model, new StackContext(reportDir, console, false));
        try {
            return new RunningChapter(model, expected, stack, reportDir, console);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The chapter's traffic (the default plan's primer and main waves), sent on first use and shared by the class. */
    synchronized SentTraffic chapterTraffic() {
        if (chapterTraffic == null) {
            chapterTraffic = traffic.sendWaves(TrafficPlan.builder().build());
        }
        return chapterTraffic;
    }

    /** Writes the last Prometheus and Jaeger answers (and, on Kubernetes, the cluster's state) for a failed test. */
    Path writeFailureBundle(String testName) {
        Path dir = reportDir.resolve("failure-bundle").resolve(testName);
        String runId = chapterTraffic == null ? "none" : chapterTraffic.runId();
        LastAnswers last = LastAnswers.fetch(stack.endpoints(), runId);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("prometheus.txt"), last.prometheus());
            Files.writeString(dir.resolve("jaeger.txt"), last.jaeger());
            Files.writeString(dir.resolve("README.txt"), "The last answers of Prometheus and Jaeger after " + testName
                    + " failed (run id " + runId + "). The stack's own logs are under " + reportDir.resolve("stack") + ".\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stack instanceof KubernetesStack kubernetes) {
            kubernetes.failureBundle().withLastPrometheusAnswer(last.prometheus()).withLastJaegerAnswer(last.jaeger()).write(dir);
        }
        return dir;
    }

    StackModel model() {
        return model;
    }

    RedExpectations expected() {
        return expected;
    }

    Stack stack() {
        return stack;
    }

    ChapterTraffic traffic() {
        return traffic;
    }

    RedAssertions assertions() {
        return assertions;
    }

    PrometheusClient prometheus() {
        return new PrometheusClient(stack.endpoints().prometheus().toString(), http);
    }

    JaegerQueryClient jaeger() {
        return new JaegerQueryClient(stack.endpoints().jaegerQuery().toString(), http);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            verifier.close();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        } finally {
            stack.close();
        }
    }
}
