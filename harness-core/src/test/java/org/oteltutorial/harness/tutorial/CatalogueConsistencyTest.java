package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.images.Catalogue;
import org.oteltutorial.harness.images.CatalogueImage;

/** The image catalogue and the bundled manifests name the same images, so a version bump cannot touch only one. */
class CatalogueConsistencyTest {

    @Test
    void everyImageOfTheBundledManifestsIsCatalogued() {
        StackModel model = StackModel.from(new ManifestLoader().bundled());
        List<String> images = model.workloads().stream().flatMap(w -> w.containers().stream()).map(Container::getImage).distinct().toList();
        List<String> catalogued = Catalogue.bundled().images().stream().map(CatalogueImage::image).toList();

        assertThat(images).hasSize(6).allSatisfy(image -> assertThat(catalogued).contains(image));
    }

    @Test
    void eachLocalComponentIsTheProgramItsManifestRuns() {
        StackModel model = StackModel.from(new ManifestLoader().bundled());
        Catalogue catalogue = Catalogue.bundled();

        assertThat(model.collector().orElseThrow().version()).hasValue(Version.of(catalogue.component("otelcol").version()));
        assertThat(model.jaeger().orElseThrow().version()).hasValue(Version.of(catalogue.component("jaeger").version()));
        assertThat(model.prometheus().orElseThrow().version()).hasValue(Version.of(catalogue.component("prometheus").version()));
    }
}
