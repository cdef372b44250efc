package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shape of the server-side apply request, against the mock server's expectations mode (its CRUD mode refuses SSA). */
@EnableKubernetesMockClient
class ServerSideApplierTest {

    private static final String PATH = "/apis/apps/v1/namespaces/cert-manager/deployments/cert-manager-webhook";

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void appliesWithTheHarnessFieldManagerForcingConflictsAsApplyPatchYaml() throws InterruptedException {
        Deployment desired = KubernetesWaiterTest.deployment("cert-manager", "cert-manager-webhook", 0);
        desired.setStatus(null);
        server.expect().get().withPath(PATH).andReturn(404, null).once();
        server.expect().patch().withPath(PATH + "?fieldManager=otel-tutorial-harness&force=true").andReturn(201, desired).once();

        Applied applied = new ServerSideApplier(client).apply(desired);

        assertThat(applied).isEqualTo(new Applied(new ObjectRef("apps/v1", "Deployment", "cert-manager", "cert-manager-webhook"), true));
        List<RecordedRequest> requests = drain();
        assertThat(requests).extracting(RecordedRequest::getMethod).containsExactly("GET", "PATCH");
        RecordedRequest patch = requests.get(1);
        assertThat(patch.getPath()).isEqualTo(PATH + "?fieldManager=otel-tutorial-harness&force=true");
        assertThat(patch.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
        // JSON is YAML: fabric8 sends the desired object as JSON under the apply-patch+yaml content type
        assertThat(patch.getUtf8Body()).contains("\"name\":\"cert-manager-webhook\"").doesNotContain("\"status\"");
    }

    @Test
    void anObjectThatExistedIsLeftAsItIs() throws InterruptedException {
        Deployment existing = KubernetesWaiterTest.deployment("cert-manager", "cert-manager-webhook", 1);
        existing.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("kubectl").withOperation("Apply").build()));
        server.expect().get().withPath(PATH).andReturn(200, existing).once();

        Applied applied = new ServerSideApplier(client).apply(existing);

        assertThat(applied).isEqualTo(new Applied(new ObjectRef("apps/v1", "Deployment", "cert-manager", "cert-manager-webhook"), false, true));
        assertThat(drain()).extracting(RecordedRequest::getMethod).containsExactly("GET");
    }

    private List<RecordedRequest> drain() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            requests.add(r);
        }
        return requests;
    }
}
