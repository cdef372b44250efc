package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ObjectCleanupTest {

    KubernetesClient client;

    @Test
    void deletesExactlyTheCreatedObjectsNewestFirstAndLeavesTheRest() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName("observability-backend").endMetadata().build()).create();
        client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("observability-backend").withName("theirs").endMetadata().build()).create();
        client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("observability-backend").withName("prometheus-conf").endMetadata().build()).create();
        client.resource(KubernetesWaiterTest.deployment("observability-backend", "prometheus", 1)).create();
        List<ObjectRef> created = List.of(new ObjectRef("v1", "ConfigMap", "observability-backend", "prometheus-conf"),
                new ObjectRef("apps/v1", "Deployment", "observability-backend", "prometheus"),
                new ObjectRef("v1", "ConfigMap", "observability-backend", "already-gone"));
        List<String> progress = new ArrayList<>();

        List<String> problems = new ObjectCleanup(client, progress::add, Duration.ofSeconds(1)).deleteInReverse(created);

        assertThat(problems).isEmpty();
        assertThat(progress).containsExactly("removing the 3 objects this run created");
        assertThat(client.configMaps().inNamespace("observability-backend").list().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("theirs");
        assertThat(client.apps().deployments().inNamespace("observability-backend").list().getItems()).isEmpty();
        assertThat(client.namespaces().withName("observability-backend").get()).isNotNull();
    }
}
