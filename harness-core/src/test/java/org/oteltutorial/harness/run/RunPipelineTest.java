package org.oteltutorial.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.report.CheckStatus;
import org.oteltutorial.harness.report.Phase;
import org.oteltutorial.harness.report.RunSummary;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.Stack;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackEndpoints;
import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunPipelineTest {

    @TempDir
    Path reportDir;

    @AutoClose
    private final MockWebServer collector = new MockWebServer();

    private final List<String> console = new CopyOnWriteArrayList<>();
    private final TrafficPlan plan = TrafficPlan.builder().withRunId("pipe01").withRequests(5).build();

    /** A provider whose environment check and start do what the test says, and that records what was called. */
    private static final class FakeProvider implements StackProvider {
        final List<String> calls = new ArrayList<>();
        RuntimeException environment;
        Function<StackContext, Stack> start = context -> {
            throw new AssertionError("start was not expected");
        };

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void checkEnvironment() {
            calls.add("checkEnvironment");
            if (environment != null) {
                throw environment;
            }
        }

        @Override
        public Stack start(StackModel model, StackContext context) {
            calls.add("start");
            return start.apply(context);
        }
    }

    private static final class FakeStack implements Stack {
        final StackEndpoints endpoints;
        int closed;
        boolean markedFailed;

        FakeStack(StackEndpoints endpoints) {
            this.endpoints = endpoints;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public StackEndpoints endpoints() {
            return endpoints;
        }

        @Override
        public List<String> notes() {
            return List.of("fake stack: nothing runs");
        }

        @Override
        public void markFailed() {
            markedFailed = true;
        }

        @Override
        public void close() {
            closed++;
        }
    }

    private RunSummary run(Manifests manifests, FakeProvider provider, boolean lint) {
        return new RunPipeline().run(new RunRequest(manifests, RunSource.named("the test manifests"), provider, reportDir, lint, false, plan, console::add));
    }

    private JsonNode summaryJson() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(reportDir.resolve("summary.json")));
    }

    private static List<String> phaseNames(RunSummary summary) {
        return summary.phases().stream().map(Phase::name).toList();
    }

    @Test
    void lintErrorsStopTheRunBeforeTheStackAndAreReported() throws IOException {
        Manifests typo = Step06.bundled().replace("collector.yaml", "endpoint: jaeger-collector:4317", "endpoint: jaeger-colector:4317")
                .manifests();
        FakeProvider provider = new FakeProvider();

        RunSummary summary = run(typo, provider, true);

        assertThat(summary.verdict()).isEqualTo("fail");
        assertThat(summary.stack()).isEqualTo("fake");
        assertThat(summary.runId()).isEqualTo("pipe01");
        assertThat(summary.checks()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(c.name()).startsWith("lint [");
        });
        assertThat(summary.checks()).anySatisfy(c -> assertThat(c.message()).contains("jaeger-colector"));
        assertThat(provider.calls).isEmpty();
        assertThat(phaseNames(summary)).containsExactly("model", "lint");
        assertThat(summaryJson().path("phases")).hasSize(2);
        assertThat(summaryJson().path("verdict").asString()).isEqualTo("fail");
        assertThat(reportDir.resolve("summary.md")).exists();
    }

    @Test
    void aStackThatCannotStartIsAFailedCheckWithItsReason() throws IOException {
        FakeProvider provider = new FakeProvider();
        provider.start = context -> {
            throw new StackStartException("collector exited with code 1 before it was ready");
        };

        RunSummary summary = run(Step06.bundled().manifests(), provider, true);

        assertThat(provider.calls).containsExactly("checkEnvironment", "start");
        assertThat(summary.checks()).extracting(CheckResult::name).containsExactly("lint", "stack up");
        CheckResult stackUp = summary.checks().get(1);
        assertThat(stackUp.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(stackUp.message()).isEqualTo("collector exited with code 1 before it was ready");
        assertThat(phaseNames(summary)).containsExactly("model", "lint", "stack up (fake)");
        assertThat(summaryJson().path("checks").get(1).path("name").asString()).isEqualTo("stack up");
    }

    @Test
    void aClientLibraryFailingAtStackUpIsAFailedCheckWithASummaryToo() throws IOException {
        FakeProvider provider = new FakeProvider();
        provider.start = context -> {
            throw new io.fabric8.kubernetes.client.KubernetesClientException("Failure executing: GET at: https://10.0.0.1/api/v1/pods. Message: Forbidden.");
        };

        RunSummary summary = run(Step06.bundled().manifests(), provider, true);

        assertThat(summary.checks()).extracting(CheckResult::name).containsExactly("lint", "stack up");
        assertThat(summary.checks().get(1).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(summary.checks().get(1).message()).isEqualTo("KubernetesClientException: Failure executing: GET at: https://10.0.0.1/api/v1/pods."
                + " Message: Forbidden.");
        assertThat(summaryJson().path("verdict").asString()).isEqualTo("fail");
    }

    @Test
    void anEnvironmentThatCannotRunTheStackIsNotACheck() {
        FakeProvider provider = new FakeProvider();
        provider.environment = new EnvironmentException("no Go toolchain");

        assertThatThrownBy(() -> run(Step06.bundled().manifests(), provider, true))
                .isInstanceOf(EnvironmentException.class).hasMessage("no Go toolchain");
        assertThat(provider.calls).containsExactly("checkEnvironment");
    }

    @Test
    void withoutLintTheStackIsStartedEvenForBrokenManifests() {
        Manifests typo = Step06.bundled().replace("collector.yaml", "endpoint: jaeger-collector:4317", "endpoint: jaeger-colector:4317")
                .manifests();
        FakeProvider provider = new FakeProvider();
        provider.start = context -> {
            throw new StackStartException("collector exporter otlp/traces endpoint jaeger-colector:4317 would not resolve");
        };

        RunSummary summary = run(typo, provider, false);

        assertThat(provider.calls).containsExactly("checkEnvironment", "start");
        assertThat(phaseNames(summary)).doesNotContain("lint");
        assertThat(summary.checks()).extracting(CheckResult::name).containsExactly("stack up");
    }

    @Test
    void manifestsWithoutARedRouteFailTheExpectationsAndTheStackIsClosed() {
        Manifests noRoute = Step06.bundled().replace("collector.yaml", "receivers: [otlp, spanmetrics]", "receivers: [otlp]")
                .manifests();
        FakeStack stack = new FakeStack(new StackEndpoints("127.0.0.1:9", URI.create("http://127.0.0.1:9"),
                URI.create("http://127.0.0.1:9"), URI.create("http://127.0.0.1:9"), Optional.empty()));
        FakeProvider provider = new FakeProvider();
        provider.start = context -> stack;

        RunSummary summary = run(noRoute, provider, false);

        assertThat(summary.checks()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("expectations");
            assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(c.message()).contains("spanmetrics");
        });
        assertThat(stack.markedFailed).isTrue();
        assertThat(stack.closed).isEqualTo(1);
        assertThat(phaseNames(summary)).containsExactly("model", "stack up (fake)", "stack down");
    }

    @Test
    void trafficThatTheCollectorRejectsFailsTheRunAndTheStackIsMarkedAndClosed() throws IOException {
        collector.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/x-protobuf").build();
            }
        });
        collector.start();
        FakeStack stack = new FakeStack(new StackEndpoints(collector.url("/v1/traces").toString(), URI.create(collector.url("/").toString()),
                URI.create("http://127.0.0.1:9"), URI.create("http://127.0.0.1:9"), Optional.empty()));
        FakeProvider provider = new FakeProvider();
        List<StackContext> contexts = new ArrayList<>();
        provider.start = context -> {
            contexts.add(context);
            return stack;
        };

        RunSummary summary = run(Step06.bundled().manifests(), provider, true);

        assertThat(summary.verdict()).isEqualTo("fail");
        CheckResult traffic = summary.checks().get(summary.checks().size() - 1);
        assertThat(traffic.name()).isEqualTo("traffic");
        assertThat(traffic.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(traffic.message()).contains("400");
        assertThat(stack.markedFailed).isTrue();
        assertThat(stack.closed).isEqualTo(1);
        assertThat(contexts).singleElement().satisfies(c -> assertThat(c.reportDir()).isEqualTo(reportDir));
        assertThat(summary.notes()).contains("fake stack: nothing runs");
        assertThat(phaseNames(summary)).containsExactly("model", "lint", "stack up (fake)", "traffic: primer wave (2 requests)",
                "stack down");
        assertThat(console).contains("▶ stack down");
        assertThat(summaryJson().path("verdict").asString()).isEqualTo("fail");
    }

    @Test
    void aHarnessBugIsAnInternalErrorWithItsStackTraceInTheLogAndOneConsoleLine() throws IOException {
        // a stack handing out an address the query clients cannot take: the verifier fails, not a query
        FakeStack stack = new FakeStack(new StackEndpoints("http://127.0.0.1:9", URI.create("http://127.0.0.1:9"),
                URI.create("ftp://127.0.0.1:9"), URI.create("http://127.0.0.1:9"), Optional.empty()));
        FakeProvider provider = new FakeProvider();
        provider.start = context -> stack;

        RunSummary summary = run(Step06.bundled().manifests(), provider, false);

        CheckResult internal = summary.checks().get(summary.checks().size() - 1);
        assertThat(internal.name()).isEqualTo("internal error");
        assertThat(internal.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(internal.observed()).isEqualTo("IllegalArgumentException");
        assertThat(internal.message()).startsWith("a harness bug stopped the verification: java.lang.IllegalArgumentException: Not an"
                + " http(s) URL: 'ftp://127.0.0.1:9'; stack trace in " + reportDir.resolve("harness-error.log"));
        assertThat(Files.readString(reportDir.resolve("harness-error.log")))
                .startsWith("java.lang.IllegalArgumentException: Not an http(s) URL").contains("\tat org.oteltutorial.harness.");
        assertThat(console).filteredOn(line -> line.contains("internal error")).singleElement().asString()
                .doesNotContain("\tat ");
        assertThat(summary.verdict()).isEqualTo("fail");
        assertThat(stack.markedFailed).isTrue();
        assertThat(stack.closed).isEqualTo(1);
    }
}
