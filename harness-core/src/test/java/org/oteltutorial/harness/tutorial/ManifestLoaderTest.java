package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestLoaderTest {

    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void skipsEmptyDocumentsAndCommentsAndKeepsEachDocumentsLine() {
        String text = """
                # a leading comment
                ---
                # a document with only a comment
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  namespace: x
                data: {k: v}
                ---
                ---

                ---
                # a comment before the resource
                apiVersion: v1
                kind: Service
                metadata: {name: b}
                spec:
                  ports: [{port: 80}]
                ---
                """;

        List<SourcedResource> resources = loader.parse("f.yaml", text);

        assertThat(resources).extracting(SourcedResource::describe).containsExactly("ConfigMap x/a", "Service default/b");
        assertThat(resources).extracting(SourcedResource::location).containsExactly("f.yaml:5", "f.yaml:16");
        assertThat(resources.get(0).resource()).isInstanceOfSatisfying(ConfigMap.class, cm -> assertThat(cm.getData()).containsEntry("k", "v"));
        assertThat(resources.get(1).resource()).isInstanceOf(Service.class);
    }

    @Test
    void aFileOfOnlyCommentsHasNoResources() {
        assertThat(loader.parse("f.yaml", "# nothing here\n---\n# nor here\n")).isEmpty();
        assertThat(loader.parse("f.yaml", "")).isEmpty();
    }

    @Test
    void customResourcesBecomeGenericResources() {
        Manifests bundled = loader.bundled();

        assertThat(bundled.ofKind("OpenTelemetryCollector")).singleElement().satisfies(r -> {
            assertThat(r.resource()).isInstanceOf(GenericKubernetesResource.class);
            assertThat(r.resource().getApiVersion()).isEqualTo("opentelemetry.io/v1alpha1");
            assertThat(r.describe()).isEqualTo("OpenTelemetryCollector observability-backend/otel");
            assertThat(((GenericKubernetesResource) r.resource()).getAdditionalProperties()).containsKey("spec");
        });
        assertThat(bundled.ofKind("Instrumentation")).singleElement()
                .satisfies(r -> assertThat(r.resource()).isInstanceOf(GenericKubernetesResource.class));
    }

    @Test
    void bundledResourcesAreTypedAndLocatedInTheirFiles() {
        Manifests bundled = loader.bundled();

        assertThat(bundled.resources()).hasSize(20);
        assertThat(bundled.resources().stream().filter(r -> r.origin().equals("step-06/backend.yaml")).limit(6))
                .extracting(SourcedResource::line, r -> r.resource().getClass())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, Namespace.class), org.assertj.core.groups.Tuple.tuple(9, ConfigMap.class),
                        org.assertj.core.groups.Tuple.tuple(26, Deployment.class), org.assertj.core.groups.Tuple.tuple(70, Service.class),
                        org.assertj.core.groups.Tuple.tuple(86, ServiceAccount.class), org.assertj.core.groups.Tuple.tuple(94, ConfigMap.class));
        assertThat(bundled.ofType(Deployment.class)).extracting(SourcedResource::name)
                .containsExactly("prometheus", "jaeger", "backend1-deployment", "backend2-deployment", "frontend-deployment");
        assertThat(bundled.configMap("observability-backend", "prometheus-conf")).isPresent();
        assertThat(bundled.configMap("default", "prometheus-conf")).isEmpty();
    }

    @Test
    void loadsADirectoryInPathOrderTakingOnlyYamlFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.yaml"), configMap("b"));
        Files.writeString(dir.resolve("a.yml"), configMap("a"));
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.yaml"), configMap("c"));
        Files.writeString(dir.resolve("notes.txt"), "not: yaml: at all: [");
        Files.writeString(dir.resolve("README.md"), "# readme");

        Manifests m = loader.fromPaths(List.of(dir));

        assertThat(m.resources()).extracting(SourcedResource::name).containsExactly("a", "b", "c");
        assertThat(m.resources()).extracting(SourcedResource::origin)
                .containsExactly(dir.resolve("a.yml").toString(), dir.resolve("b.yaml").toString(), dir.resolve("sub/c.yaml").toString());
    }

    @Test
    void loadsFilesAsGivenInTheirOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("z.yaml"), configMap("z"));
        Files.writeString(dir.resolve("a.yaml"), configMap("a"));

        Manifests m = loader.fromPaths(List.of(dir.resolve("z.yaml"), dir.resolve("a.yaml")));

        assertThat(m.resources()).extracting(SourcedResource::name).containsExactly("z", "a");
    }

    @Test
    void aMissingPathIsBadInput(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> loader.fromPaths(List.of(missing))).isInstanceOf(ManifestException.class)
                .hasMessage(missing + ": no such file or directory");
    }

    @Test
    void aDirectoryWithoutYamlIsBadInput(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> loader.fromPaths(List.of(dir))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("holds no *.yaml or *.yml files");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        String text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: [unclosed\n";

        assertThatThrownBy(() -> loader.parse("bad.yaml", text)).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("bad.yaml:").hasMessageContaining("not valid YAML")
                .satisfies(e -> assertThat(lineIn(e.getMessage(), "bad.yaml")).isEqualTo(6));
    }

    @Test
    void malformedYamlInALaterDocumentNamesItsLine() {
        String text = configMap("a") + "---\napiVersion: v1\nkind: ConfigMap\n  metadata: x\n";

        assertThatThrownBy(() -> loader.parse("bad.yaml", text)).isInstanceOf(ManifestException.class)
                .satisfies(e -> assertThat(lineIn(e.getMessage(), "bad.yaml")).isEqualTo(10));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"name: value\nother: 1\n", "kind: ConfigMap\nmetadata: {name: a}\n", "just a string\n", "- a\n- b\n"})
    void aDocumentThatIsNotAKubernetesResourceIsBadInput(String document) {
        String text = configMap("first") + "---\n" + document;

        assertThatThrownBy(() -> loader.parse("mixed.yaml", text)).isInstanceOf(ManifestException.class)
                .hasMessage("mixed.yaml:8 (document 2): not a Kubernetes resource (it needs apiVersion and kind)");
    }

    @Test
    void aResourceWithoutANameIsBadInput() {
        assertThatThrownBy(() -> loader.parse("f.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: x}\n"))
                .isInstanceOf(ManifestException.class).hasMessage("f.yaml:1 (document 1): ConfigMap has no metadata.name");
    }

    @Test
    void aFieldOfTheWrongTypeIsBadInput() {
        String text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: many\n";

        assertThatThrownBy(() -> loader.parse("f.yaml", text)).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("f.yaml:1 (document 1): cannot read Deployment: ");
    }

    @Test
    void aFileThatIsNotUtf8IsBadInput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> loader.fromPaths(List.of(file))).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(file + ": cannot read");
    }

    private static String configMap(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: x\ndata: {k: v}\n";
    }

    private static int lineIn(String message, String file) {
        String rest = message.substring(file.length() + 1);
        return Integer.parseInt(rest.substring(0, rest.indexOf(':')));
    }
}
