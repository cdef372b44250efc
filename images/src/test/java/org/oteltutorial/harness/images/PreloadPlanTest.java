package org.oteltutorial.harness.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreloadPlanTest {

    private static final String RBAC_OLD = "gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1";
    private static final String RBAC_NEW = "quay.io/brancz/kube-rbac-proxy:v0.13.1";
    private static final String PROMETHEUS = "quay.io/prometheus/prometheus:v2.47.2";
    private static final String FRONTEND = "ghcr.io/pavolloffay/kubecon-eu-2024-opentelemetry-kubernetes-tracing-tutorial-frontend:latest";
    private static final String JAVA_AGENT = "ghcr.io/open-telemetry/opentelemetry-operator/autoinstrumentation-java:1.32.1";

    private static Catalogue catalogue(CatalogueImage... images) {
        return new Catalogue(List.of(images), List.of(), Map.of(), null);
    }

    private static CatalogueImage image(String image, String step) {
        return new CatalogueImage(image, step, null, false, null);
    }

    @Test
    void presentImagesArePreloadedAndAbsentOnesPulled() {
        PreloadPlan plan = PreloadPlan.decide(catalogue(image(PROMETHEUS, "backend"), image(JAVA_AGENT, "app")),
                Map.of(), Map.of(), List.of(), Set.of(PROMETHEUS)::contains);

        assertThat(plan.preload()).extracting(ImageDecision::image).containsExactly(PROMETHEUS);
        assertThat(plan.pull()).extracting(ImageDecision::image).containsExactly(JAVA_AGENT);
        assertThat(plan.pull().get(0).reason()).contains("not in the local Docker");
    }

    @Test
    void overlayReplacementIsDecidedInsteadOfTheReplacedImage() {
        PreloadPlan plan = PreloadPlan.decide(catalogue(image(RBAC_OLD, "operator")), Map.of(RBAC_OLD, RBAC_NEW), Map.of(),
                List.of(), Set.of(RBAC_OLD, RBAC_NEW)::contains);

        assertThat(plan.images()).containsExactly(RBAC_NEW);
        assertThat(plan.preload()).singleElement().satisfies(d -> assertThat(d.step()).isEqualTo("operator"));
    }

    @Test
    void theBundledCatalogueNeverAsksForTheDeletedKubeRbacProxyImage() {
        PreloadPlan plan = PreloadPlan.decide(Catalogue.bundled(), Map.of(RBAC_OLD, RBAC_NEW), Map.of(), List.of(), i -> true);

        assertThat(plan.images()).contains(RBAC_NEW, JAVA_AGENT).doesNotContain(RBAC_OLD);
        assertThat(plan.images()).hasSize(Catalogue.bundled().images().size());
    }

    @Test
    void mutableTagIsPreloadedOnlyWhenThePodDoesNotAlwaysPull() {
        Catalogue catalogue = catalogue(image(FRONTEND, "app"));

        PreloadPlan declaredIfNotPresent = PreloadPlan.decide(catalogue, Map.of(), Map.of(FRONTEND, "IfNotPresent"), List.of(), i -> true);
        PreloadPlan defaulted = PreloadPlan.decide(catalogue, Map.of(), Map.of(), List.of(), i -> true);
        PreloadPlan declaredAlways = PreloadPlan.decide(catalogue, Map.of(), Map.of(FRONTEND, "Always"), List.of(), i -> true);

        assertThat(declaredIfNotPresent.preload()).singleElement().satisfies(d -> assertThat(d.reason()).contains("mutable tag"));
        assertThat(defaulted.pull()).singleElement().satisfies(d -> assertThat(d.reason()).contains("defaults to Always"));
        assertThat(declaredAlways.pull()).singleElement().satisfies(d -> assertThat(d.reason()).contains("is Always"));
    }

    @Test
    void k3sSystemImagesArePreloadedWhenPresentAndComeFirst() {
        String pause = "rancher/mirrored-pause:3.6";
        String coredns = "rancher/mirrored-coredns-coredns:1.12.0";
        PreloadPlan plan = PreloadPlan.decide(catalogue(image(PROMETHEUS, "backend")), Map.of(), Map.of(),
                List.of(pause, coredns), Set.of(pause, PROMETHEUS)::contains);

        assertThat(plan.preload()).extracting(ImageDecision::image).containsExactly(pause, PROMETHEUS);
        assertThat(plan.preload().get(0).step()).isEqualTo("k3s");
        assertThat(plan.images()).doesNotContain(coredns);
    }

    @Test
    void duplicatesAreDecidedOnce() {
        PreloadPlan plan = PreloadPlan.decide(catalogue(image(PROMETHEUS, "backend"), image(PROMETHEUS, "other")), Map.of(),
                Map.of(), List.of(PROMETHEUS), i -> true);

        assertThat(plan.decisions()).singleElement().satisfies(d -> assertThat(d.step()).isEqualTo("backend"));
    }

    @Test
    void notesNameEveryImageOnce() {
        PreloadPlan plan = PreloadPlan.decide(catalogue(image(PROMETHEUS, "backend"), image(JAVA_AGENT, "app")), Map.of(),
                Map.of(), List.of(), Set.of(PROMETHEUS)::contains);

        assertThat(plan.notes()).containsExactly(
                "images preloaded into k3s (1): " + PROMETHEUS + " [backend; present in the local Docker]",
                "images k3s had to pull (1): " + JAVA_AGENT + " [app; not in the local Docker; k3s pulls it]");
    }

    @Test
    void mutableTags() {
        assertThat(PreloadPlan.isMutable("busybox")).isTrue();
        assertThat(PreloadPlan.isMutable("localhost:5000/app")).isTrue();
        assertThat(PreloadPlan.isMutable(FRONTEND)).isTrue();
        assertThat(PreloadPlan.isMutable(PROMETHEUS)).isFalse();
        assertThat(PreloadPlan.isMutable("app@sha256:abc")).isFalse();
    }
}
