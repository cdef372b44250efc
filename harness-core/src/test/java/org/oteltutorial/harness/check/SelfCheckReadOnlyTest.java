package org.oteltutorial.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.cluster.ForwardTarget;
import org.oteltutorial.harness.stack.cluster.KubernetesStack;
import org.oteltutorial.harness.stack.cluster.PortForwarder;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.StepPlan;

/**
 * The self-check never writes: against the mock API server every request it sends while inspecting, attaching and
 * writing a failure bundle is a GET, and each is allowed by the read-only ClusterRole of self-check-rbac.yaml.
 */
@EnableKubernetesMockClient(crud = true)
class SelfCheckReadOnlyTest {

    private static final Pattern RESOURCE_PATH = Pattern.compile(
            "^/(?:api/v1|apis/(?<group>[^/]+)/[^/]+)(?:/namespaces/(?<ns>[^/]+))?(?:/(?<resource>[^/]+)(?:/(?<name>[^/]+)(?:/(?<sub>[^/]+))?)?)?$");

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path report;

    /** An API request as RBAC sees it. */
    record Access(String verb, String group, String resource, String path) {
    }

    @Test
    void inspectingAHealthyClusterSendsOnlyReads() throws Exception {
        Step06Cluster.healthy().createIn(client);

        List<RecordedRequest> requests = recordedDuring(() -> {
            SelfCheck check = new SelfCheck(client, "mock", StepPlan.bundled(), new ManifestLoader().bundled());
            SelfCheckReport result = check.inspect();
            try (KubernetesStack stack = check.attach(result, new StackContext(report, line -> { }, false), loopbackForwarder())) {
                stack.markFailed();
            }
        });

        assertOnlyReadsTheRoleAllows(requests);
    }

    @Test
    void inspectingABrokenClusterAndWritingItsFailureBundleSendsOnlyReads() throws Exception {
        Step06Cluster.healthy().remove("OpenTelemetryCollector", "observability-backend", "otel")
                .replacePod("backend2-deployment", p -> new PodBuilder(p).editStatus().withConditions().addNewContainerStatus()
                        .withName("backend2").withRestartCount(4).withNewLastState().withNewTerminated().withExitCode(1).endTerminated()
                        .endLastState().endContainerStatus().endStatus().build())
                .createIn(client);

        List<RecordedRequest> requests = recordedDuring(() -> {
            SelfCheck check = new SelfCheck(client, "mock", StepPlan.bundled(), new ManifestLoader().bundled());
            SelfCheckReport result = check.inspect();
            assertThat(result.ready()).isFalse();
            check.failureBundle(result.snapshot()).write(report);
        });

        assertOnlyReadsTheRoleAllows(requests);
        assertThat(requests).anySatisfy(r -> assertThat(r.getPath()).contains("/log?").contains("previous=true"));
    }

    private void assertOnlyReadsTheRoleAllows(List<RecordedRequest> requests) throws IOException {
        assertThat(requests).isNotEmpty();
        assertThat(requests).allSatisfy(r -> assertThat(r.getMethod()).as(r.getMethod() + " " + r.getPath()).isEqualTo("GET"));
        ClusterRole role = rbac();
        List<Access> accesses = requests.stream().map(r -> access(r.getPath())).flatMap(Optional::stream).toList();
        assertThat(accesses).extracting(Access::resource).contains("namespaces", "deployments", "pods", "opentelemetrycollectors");
        assertThat(accesses).allSatisfy(a -> assertThat(allows(role, a)).as("self-check-rbac.yaml allows " + a).isTrue());
        assertThat(role.getRules()).allSatisfy(rule -> assertThat(rule.getVerbs()).allSatisfy(verb ->
                assertThat(List.of("get", "list", "watch")).as("only reads, and create on pods/portforward: " + rule)
                        .contains(rule.getResources().equals(List.of("pods/portforward")) ? "get" : verb)));
    }

    @Test
    void theRoleAllowsReadsAndPortForwardsAndNothingElse() throws IOException {
        ClusterRole role = rbac();

        assertThat(allows(role, access("/api/v1/namespaces/observability-backend/pods/otel-collector-1/log?container=otc").orElseThrow())).isTrue();
        assertThat(allows(role, access("/apis/apps/v1/namespaces/tutorial-application/deployments?watch=true").orElseThrow())).isTrue();
        assertThat(allows(role, new Access("create", "", "pods/portforward", "port-forward"))).isTrue();
        assertThat(allows(role, access("/api/v1/namespaces/observability-backend/secrets").orElseThrow())).isFalse();
        assertThat(allows(role, new Access("patch", "apps", "deployments", "kubectl patch"))).isFalse();
        assertThat(allows(role, new Access("delete", "opentelemetry.io", "opentelemetrycollectors", "kubectl delete"))).isFalse();
        assertThat(access("/apis/opentelemetry.io/v1alpha1")).as("discovery").isEmpty();
    }

    private List<RecordedRequest> recordedDuring(ThrowingRunnable action) throws Exception {
        drain();
        action.run();
        return drain();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private List<RecordedRequest> drain() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            requests.add(r);
        }
        return requests;
    }

    /** Discovery ({@code /api}, {@code /apis/<group>/<version>}) is allowed to everyone by system:discovery: empty. */
    static Optional<Access> access(String path) {
        URI uri = URI.create(path);
        Matcher m = RESOURCE_PATH.matcher(uri.getPath());
        if (!m.matches() || (m.group("resource") == null && m.group("ns") == null)) {
            return Optional.empty();
        }
        String group = m.group("group") == null ? "" : m.group("group");
        String resource = m.group("resource");
        String name = m.group("name");
        if (resource == null) {
            resource = "namespaces";
            name = m.group("ns");
        }
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String verb = query.contains("watch=true") ? "watch" : name == null ? "list" : "get";
        if (m.group("sub") != null) {
            resource = resource + "/" + m.group("sub");
        }
        return Optional.of(new Access(verb, group, resource, path));
    }

    static boolean allows(ClusterRole role, Access access) {
        for (PolicyRule rule : role.getRules()) {
            if (rule.getApiGroups().contains(access.group()) && rule.getResources().contains(access.resource())
                    && rule.getVerbs().contains(access.verb())) {
                return true;
            }
        }
        return false;
    }

    static ClusterRole rbac() throws IOException {
        try (InputStream in = SelfCheckReadOnlyTest.class.getClassLoader().getResourceAsStream("tutorial/self-check-rbac.yaml")) {
            assertThat(in).as("tutorial/self-check-rbac.yaml on the classpath").isNotNull();
            return (ClusterRole) new ManifestLoader().parse("self-check-rbac.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .get(0).resource();
        }
    }

    private static PortForwarder loopbackForwarder() {
        return new PortForwarder() {
            private int next = 42000;

            @Override
            public InetSocketAddress forward(ForwardTarget target) {
                return new InetSocketAddress(InetAddress.getLoopbackAddress(), next++);
            }

            @Override
            public void close() {
            }
        };
    }
}
