package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.reader.TutorialRepo;

/**
 * The model's defaulting against a real API server ({@link ApiServerDefaults}) for the bundled manifests and the
 * tutorial-shaped fixture repository. Runs where an API server is given with {@code -Dharness.kubeconfig=FILE} (e.g. the
 * {@code kubeconfig} a kept kube stack writes into its report: {@code ./harness run --stack kube --keep}); elsewhere it
 * is skipped with that reason. {@code KubeStackIT} runs the same comparison on the bundled manifests in every
 * {@code ./mvnw verify} where the kube stack runs.
 */
class KubernetesDefaultsApiServerTest {

    private static final String KUBECONFIG = "harness.kubeconfig";

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
        assertThat(ApiServerDefaults.compared(resources)).hasSizeGreaterThan(10);

        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, kubeconfig.get().toFile())).build()) {
            assertThat(new ApiServerDefaults().differences(client, resources)).as("fields the model defaults differently from the API server").isEmpty();
        }
    }
}
