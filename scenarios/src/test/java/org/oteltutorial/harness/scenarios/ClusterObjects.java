package org.oteltutorial.harness.scenarios;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The objects a cluster holds, by kind, namespace and name, in the kinds the tutorial's steps create. */
final class ClusterObjects {

    private ClusterObjects() {
    }

    static Set<String> of(KubernetesClient client) {
        Set<String> names = new TreeSet<>();
        Stream.<List<? extends HasMetadata>>of(client.namespaces().list().getItems(),
                client.apps().deployments().inAnyNamespace().list().getItems(),
                client.services().inAnyNamespace().list().getItems(),
                client.configMaps().inAnyNamespace().list().getItems(),
                client.serviceAccounts().inAnyNamespace().list().getItems(),
                client.rbac().clusterRoles().list().getItems(),
                client.rbac().clusterRoleBindings().list().getItems())
                .flatMap(List::stream)
                .forEach(o -> names.add(o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()));
        return names;
    }
}
