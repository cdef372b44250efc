package org.oteltutorial.harness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.cluster.ClusterTarget;
import org.oteltutorial.harness.stack.cluster.ServerSideApplier;
import org.oteltutorial.harness.stack.cluster.StepApplier;
import org.oteltutorial.harness.tutorial.ApiServerDefaults;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.Step06;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chapter on a real Kubernetes built here ({@code --stack kube --keep}), then on that one cluster: the self-check as
 * {@code workshop-attendee} with the audit log as proof of read-only, and the cluster stack's apply and exact cleanup,
 * twice in a row, and the model's Kubernetes defaulting against the server's {@code dryRun=All} answers; at the end
 * {@code ./harness down} and the host exactly as before.
 */
@RequiresKube
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeStackIT {

    private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

    private Path dir;
    private HostState before;
    private Path kept;
    private HarnessCliRun chapter;

    @BeforeAll
    void startTheChapterOnKube(@TempDir Path tempDir) {
        dir = tempDir;
        before = HostState.capture();
        kept = dir.resolve("kube");
        chapter = HarnessCliRun.of(kept, "run", "--stack", "kube", "--keep", "--report", kept.toString());
    }

    @AfterAll
    void downLeavesTheHostAsItWas() {
        HarnessCliRun down = HarnessCliRun.of(kept, "down", kept.toString());
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(HostState.capture()).isEqualTo(before);
    }

    @Test
    @Order(1)
    void theChapterPassesOnKube() {
        assertThat(chapter.exitCode()).as(chapter.toString() + chapter.failures()).isZero();
        JsonNode summary = chapter.summary();
        assertThat(summary.path("stack").asString()).isEqualTo("kube");
        String notes = summary.path("notes").toString();
        assertThat(notes).contains("substituted: OpenTelemetryCollector observability-backend/otel is applied as what operator v0.94 creates")
                .contains("skipped: step operator").contains("skipped: the demo app")
                .contains("kube image quay.io/prometheus/prometheus:v2.47.2 digest sha256:")
                .contains("kube image registry.k8s.io/pause:3.9 digest sha256:");
        List<String> checks = summary.path("checks").valueStream().map(c -> c.path("name").asString() + " " + c.path("status").asString()).toList();
        assertThat(checks).anyMatch(c -> c.startsWith("jaeger SPM") && c.endsWith("pass"));
        assertThat(checks).anyMatch(c -> c.contains("calls_total") && c.endsWith("pass"));
        assertThat(kept.resolve("kubeconfig")).isRegularFile();
        assertThat(kept.resolve("kube").resolve("audit.log")).isNotEmptyFile();
    }

    @Test
    @Order(2)
    void theSelfCheckAsAWorkshopAttendeeNamesTheMissingOperatorRunsTheRedChecksAndOnlyReads() throws IOException {
        Path report = dir.resolve("check");
        HarnessCliRun check = HarnessCliRun.of(report, "check", "--kubeconfig", kept.resolve("kubeconfig").toString(), "--as", "workshop-attendee",
                "--report", report.toString());

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains("OpenTelemetry Operator is not installed")
                .contains("fix: kubectl apply -f https://github.com/open-telemetry/opentelemetry-operator/releases/download/v0.94.0/opentelemetry-operator.yaml");
        List<JsonNode> checks = check.summary().path("checks").valueStream().toList();
        assertThat(checks).filteredOn(c -> c.path("status").asString().equals("fail"))
                .allSatisfy(c -> assertThat(c.path("name").asString()).startsWith("self-check ["));
        assertThat(checks).filteredOn(c -> c.path("name").asString().startsWith("jaeger SPM")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.path("status").asString()).isEqualTo("pass"));

        List<JsonNode> attendee = Files.readAllLines(kept.resolve("kube").resolve("audit.log")).stream()
                .map(l -> JsonMapper.builder().build().readTree(l))
                .filter(e -> "workshop-attendee".equals(e.path("impersonatedUser").path("username").asString(null))).toList();
        assertThat(attendee).as("audit events of workshop-attendee").hasSizeGreaterThan(10);
        assertThat(attendee).noneMatch(e -> e.path("responseStatus").path("code").asInt() == 403);
        assertThat(attendee).filteredOn(e -> e.path("objectRef").path("subresource").asString("").equals("portforward"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.path("responseStatus").path("code").asInt()).isEqualTo(101));
        assertThat(attendee).filteredOn(e -> !READ_VERBS.contains(e.path("verb").asString()))
                .allSatisfy(e -> assertThat(e.path("verb").asString() + " " + e.path("objectRef").path("resource").asString("") + "/"
                        + e.path("objectRef").path("subresource").asString("")).isIn("create pods/portforward",
                        "create selfsubjectaccessreviews/", "create selfsubjectrulesreviews/"));
    }

    @Test
    @Order(3)
    void theClusterStackTwiceLeavesExactlyTheObjectsThatWereThere() throws InterruptedException {
        try (KubernetesClient client = new ClusterTarget(Optional.of(kept.resolve("kubeconfig")), Optional.empty()).connect()) {
            Set<String> withTheTutorial = ClusterObjects.of(client);
            HarnessCliRun over = cluster("over-existing");
            assertThat(over.exitCode()).as(over.toString() + over.failures()).isZero();
            assertThat(over.out()).contains("Deployment observability-backend/prometheus exists: left as it is");
            assertThat(ClusterObjects.of(client)).isEqualTo(withTheTutorial);

            client.namespaces().withName("observability-backend").delete();
            client.namespaces().withName("observability-backend").waitUntilCondition(n -> n == null, 2, TimeUnit.MINUTES);
            Set<String> empty = ClusterObjects.of(client);
            for (String run : List.of("first", "second")) {
                HarnessCliRun created = cluster(run);
                assertThat(created.exitCode()).as(run + " " + created + created.failures()).isZero();
                assertThat(created.out()).contains("removing the").contains("waiting for namespace observability-backend to finish terminating");
                assertThat(ClusterObjects.of(client)).as("objects after the " + run + " run").isEqualTo(empty);
            }
        }
    }

    @Test
    @Order(4)
    void aBrokenVariantFailsWithAFailureBundleOfTheRealPodLogsAndEvents() throws IOException {
        Path manifests = Step06.bundled().prometheusOtlpFlag(null).writeTo(dir.resolve("broken-manifests"));
        Path report = dir.resolve("cluster-broken");
        HarnessCliRun broken = HarnessCliRun.of(report, "run", "--stack", "cluster", "--without", "operator", "--no-lint", "--manifests",
                manifests.toString(), "--kubeconfig", kept.resolve("kubeconfig").toString(), "--report", report.toString());

        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
        Path bundle = report.resolve("failure-bundle");
        Path collectorLogs = bundle.resolve("logs").resolve("observability-backend");
        try (var files = Files.walk(collectorLogs)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().equals("otc-container.log")).toList();
            assertThat(logs).as("the collector's container log in " + collectorLogs).hasSize(1);
            assertThat(Files.readString(logs.get(0))).contains("otlphttp/metrics");
        }
        assertThat(Files.readString(bundle.resolve("events").resolve("observability-backend.txt"))).contains("Scheduled").contains("Started");
    }

    @Test
    @Order(5)
    void anApplyIntoANamespaceNoStepCreatedYetIsRefusedWith404AndNotRetried() {
        try (KubernetesClient client = new ClusterTarget(Optional.of(kept.resolve("kubeconfig")), Optional.empty()).connect()) {
            var configMap = new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("probe")
                    .withNamespace("tutorial-application").endMetadata().build();
            assertThatThrownBy(() -> new ServerSideApplier(client).apply(configMap))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(404);
                        assertThat(e.getMessage()).contains("namespaces \"tutorial-application\" not found");
                        assertThat(StepApplier.isTransient(e)).isFalse();
                    });
        }
    }

    @Test
    @Order(6)
    void theModelDefaultsEveryBundledObjectAsTheApiServerDoes() {
        List<SourcedResource> bundled = new ManifestLoader().bundled().resources();
        assertThat(ApiServerDefaults.compared(bundled)).hasSizeGreaterThan(10);
        try (KubernetesClient client = new ClusterTarget(Optional.of(kept.resolve("kubeconfig")), Optional.empty()).connect()) {
            assertThat(new ApiServerDefaults().differences(client, bundled)).as("fields the model defaults differently from the API server").isEmpty();
        }
    }

    private HarnessCliRun cluster(String name) {
        Path report = dir.resolve("cluster-" + name);
        return HarnessCliRun.of(report, "run", "--stack", "cluster", "--without", "operator", "--kubeconfig", kept.resolve("kubeconfig").toString(),
                "--report", report.toString());
    }

}
