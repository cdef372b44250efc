package org.oteltutorial.harness.stack.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.SourcedResource;

/**
 * A workshop attendee's rights on the kube cluster: the read-only ClusterRole of {@code self-check-rbac.yaml}, bound to
 * the user {@value #USER}, whom {@code ./harness check --as} impersonates.
 */
final class SelfCheckAccess {

    static final String USER = "workshop-attendee";
    private static final String RESOURCE = "tutorial/self-check-rbac.yaml";

    private SelfCheckAccess() {
    }

    static List<HasMetadata> objects() {
        ClusterRole role = role();
        var binding = new ClusterRoleBindingBuilder().withNewMetadata().withName(role.getMetadata().getName() + "-" + USER).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName(role.getMetadata().getName())
                .endRoleRef().addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName(USER).endSubject().build();
        return List.of(role, binding);
    }

    private static ClusterRole role() {
        try (InputStream in = SelfCheckAccess.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ManifestLoader().parse("self-check-rbac.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8)).stream()
                    .map(SourcedResource::resource).filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + " holds no ClusterRole"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
