package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.reader.TutorialRepo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model's defaulting against a real API server: every Service and workload of the bundled manifests and of the
 * tutorial-shaped fixture repository, sent with {@code dryRun=All}, comes back holding every field the model's
 * defaulted copy holds, with the same value. Runs where an API server is given with {@code -Dharness.kubeconfig=FILE}
 * (e.g. the {@code kubeconfig} a kept kube stack writes into its report: {@code ./harness run --stack kube --keep});
 * elsewhere it is skipped with that reason. It creates the manifests' namespaces if missing and deletes those it made.
 */
class KubernetesDefaultsApiServerTest {

    private static final String KUBECONFIG = "harness.kubeconfig";

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theApiServerHoldsWhatTheModelDefaults() throws Exception {
        Optional<Path> kubeconfig = Optional.ofNullable(System.getProperty(KUBECONFIG)).map(Path::of);
        assumeTrue(kubeconfig.isPresent() && Files.isRegularFile(kubeconfig.get()),
                "no API server given: run with -D" + KUBECONFIG + "=FILE (a kept kube stack writes REPORT/kubeconfig)");
        List<SourcedResource> resources = new ArrayList<>(new ManifestLoader().bundled().resources());
        TutorialRepo repo = TutorialRepo.copyTo(dir.resolve("tutorial"));
        try (Stream<Path> files = Files.list(repo.dir().resolve("backend"))) {
            resources.addAll(new ManifestLoader().fromPaths(Stream.concat(files, Stream.of(repo.dir().resolve("app"))).toList()).resources());
        }
        List<SourcedResource> compared = resources.stream().filter(r -> r.resource() instanceof Service || r.resource() instanceof Deployment
                || r.resource() instanceof StatefulSet || r.resource() instanceof DaemonSet).toList();
        assertThat(compared).hasSizeGreaterThan(10);

        Config config = Config.fromKubeconfig(null, kubeconfig.get().toFile());
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            Set<String> created = new LinkedHashSet<>();
            try {
                for (SourcedResource r : compared) {
                    if (client.namespaces().withName(r.namespace()).get() == null) {
                        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(r.namespace()).endMetadata().build()).create();
                        created.add(r.namespace());
                    }
                }
                KubernetesDefaults defaults = new KubernetesDefaults();
                List<String> differences = new ArrayList<>();
                for (SourcedResource r : compared) {
                    HasMetadata answer = client.resource(r.resource()).inNamespace(r.namespace()).dryRun().create();
                    JsonNode model = tree(defaults.apply(r.resource()));
                    JsonNode server = tree(answer);
                    contained(r.location() + " " + r.describe(), "", model.path("spec"), server.path("spec"), differences);
                }
                assertThat(differences).as("fields the model defaults differently from the API server").isEmpty();
            } finally {
                created.forEach(ns -> client.namespaces().withName(ns).delete());
            }
        }
    }

    private JsonNode tree(HasMetadata resource) {
        return json.readTree(serialization.asJson(resource));
    }

    /** Every field of {@code model} is in {@code server} with the same value (the server adds what the model does not read). */
    private static void contained(String where, String path, JsonNode model, JsonNode server, List<String> differences) {
        if (model.isObject()) {
            for (Map.Entry<String, JsonNode> e : model.properties()) {
                contained(where, path + "." + e.getKey(), e.getValue(), server.path(e.getKey()), differences);
            }
        } else if (model.isArray()) {
            if (!server.isArray() || server.size() != model.size()) {
                differences.add(where + " " + path + ": model " + model + ", server " + server);
                return;
            }
            for (int i = 0; i < model.size(); i++) {
                contained(where, path + "[" + i + "]", model.get(i), server.get(i), differences);
            }
        } else if (!model.equals(server)) {
            differences.add(where + " " + path + ": model " + model + ", server " + server);
        }
    }
}
