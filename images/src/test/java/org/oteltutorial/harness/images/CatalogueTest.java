package org.oteltutorial.harness.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTest {

    private final Catalogue catalogue = Catalogue.bundled();

    @Test
    void theLocalComponentsTakeTheirVersionFromTheImageTags() {
        assertThat(catalogue.component("otelcol").version()).isEqualTo("0.94.0");
        assertThat(catalogue.component("jaeger").version()).isEqualTo("1.54.0");
        assertThat(catalogue.component("prometheus").version()).isEqualTo("2.47.2");
        assertThat(catalogue.localComponents()).extracting(LocalComponent::binary)
                .containsExactly("jaeger-all-in-one", "otelcol-contrib", "prometheus");
    }

    @Test
    void everyStepsImagesAreListedIncludingInjectedOnesAndTheOverlayReplacement() {
        assertThat(catalogue.images()).extracting(CatalogueImage::step).contains("cert-manager", "operator", "backend", "collector", "app");
        assertThat(catalogue.images()).filteredOn(CatalogueImage::injected).extracting(CatalogueImage::image)
                .allMatch(i -> i.contains("autoinstrumentation-"));
        assertThat(catalogue.image("quay.io/brancz/kube-rbac-proxy:v0.13.1")).isPresent();
        assertThat(catalogue.images()).noneMatch(i -> i.image().startsWith("gcr.io/kubebuilder/"));
    }

    @Test
    void anUnknownComponentSaysWhichAreKnown() {
        assertThatThrownBy(() -> catalogue.component("tempo")).hasMessageContaining("tempo").hasMessageContaining("otelcol");
    }

    @Test
    void binariesLiveOutsideTheRepoPerComponentAndVersion() {
        BinaryCache cache = BinaryCache.fromEnvironment(Map.of(BinaryCache.ENV, "/var/cache/h"));
        LocalComponent otelcol = catalogue.component("otelcol");

        assertThat(cache.binary(otelcol)).isEqualTo(Path.of("/var/cache/h/bin/otelcol-0.94.0/otelcol-contrib"));
        assertThat(cache.binary(otelcol.withVersion("0.110.0"))).isEqualTo(Path.of("/var/cache/h/bin/otelcol-0.110.0/otelcol-contrib"));
        assertThat(cache.goModCache()).isEqualTo(Path.of("/var/cache/h/go/mod"));
        assertThat(BinaryCache.fromEnvironment(Map.of()).root().toString()).endsWith(".cache/otel-tutorial-harness");
    }

    @Test
    void aBuiltBinaryIsReusedWithoutBuilding(@TempDir Path root) throws IOException {
        BinaryCache cache = new BinaryCache(root);
        LocalComponent jaeger = catalogue.component("jaeger");
        Path binary = cache.binary(jaeger);
        Files.createDirectories(binary.getParent());
        Files.writeString(binary, "#!/bin/sh\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        StringBuilder progress = new StringBuilder();

        assertThat(new ComponentBuilder(cache, progress::append).ensure(jaeger)).isEqualTo(binary);
        assertThat(progress).as("nothing was built").isEmpty();
        assertThat(cache.built(jaeger.withVersion("1.62.0"))).as("another version is not built").isEmpty();
    }
}
