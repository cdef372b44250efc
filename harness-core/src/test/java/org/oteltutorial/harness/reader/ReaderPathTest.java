package org.oteltutorial.harness.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.tutorial.ManifestException;
import tools.jackson.databind.JsonNode;

class ReaderPathTest {

    @TempDir
    Path dir;

    private TutorialRepo repo;

    @BeforeEach
    void copy() {
        repo = TutorialRepo.copyTo(dir);
    }

    @Test
    void readsTheChaptersInOrderUpToTheChosenOne() {
        ReaderPath path = ReaderPath.follow(repo.checkout(), "06-RED-metrics.md");

        assertThat(path.chapters()).containsExactly("01-setup.md", "02-theory.md", "03-app.md", "05-sampling.md", "06-RED-metrics.md");
        assertThat(path.steps()).filteredOn(ReaderStep::executed).extracting(s -> s.at().location()).containsExactly(
                "01-setup.md:14", "03-app.md:4", "03-app.md:5", "03-app.md:6", "03-app.md:7", "03-app.md:8",
                "05-sampling.md:4", "05-sampling.md:5", "05-sampling.md:9", "05-sampling.md:10", "05-sampling.md:11", "06-RED-metrics.md:27");
        assertThat(path.steps()).filteredOn(s -> !s.executed()).extracting(s -> s.at().location() + " " + s.outcome()).containsExactly(
                "01-setup.md:6 makes or removes a cluster; the chosen stack stands for it",
                "01-setup.md:7 release manifest https://github.com/open-telemetry/opentelemetry-operator/releases/download/v0.94.0/"
                        + "opentelemetry-operator.yaml: a step of its own (the kube, k3s and cluster stacks apply it from tutorial.yaml's"
                        + " pinned releases; the local stack runs no operator)",
                "01-setup.md:8 read-only (kubectl get)");
        assertThat(path.releases()).containsOnlyKeys(
                "https://github.com/open-telemetry/opentelemetry-operator/releases/download/v0.94.0/opentelemetry-operator.yaml");
    }

    @Test
    void aChapterIsFoundByItsNumberAndAnUnknownOneIsBadInput() {
        assertThat(ReaderPath.follow(repo.checkout(), "03").lastChapter()).isEqualTo("03-app.md");
        assertThatThrownBy(() -> ReaderPath.follow(repo.checkout(), "09-missing.md")).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("no chapter '09-missing.md' in ");
    }

    @Test
    void applyNeverDeletesWhatANewerFileNoLongerLists() {
        ReaderPath path = ReaderPath.follow(repo.checkout(), "06-RED-metrics.md");

        assertThat(path.object("OpenTelemetryCollector", "observability-backend", "otel-gateway")).hasValueSatisfying(gateway -> {
            assertThat(gateway.origin()).isEqualTo("backend/05-collector-2.yaml");
            assertThat(gateway.changedAt().location()).isEqualTo("05-sampling.md:11");
        });
        assertThat(path.object("OpenTelemetryCollector", "observability-backend", "otel")).hasValueSatisfying(otel -> {
            assertThat(otel.origin()).isEqualTo("backend/06-collector.yaml");
            assertThat(otel.live().path("spec").path("config").asString()).contains("spanmetrics");
        });
    }

    @Test
    void applyKeepsWhatPatchAndSetEnvChangedAndRemovesWhatTheLastAppliedFileHadAndTheNewOneDropped() {
        repo.edit("06-RED-metrics.md", "kubectl apply -f " + TutorialRepo.RAW + "backend/06-collector.yaml\n",
                "kubectl apply -f " + TutorialRepo.RAW + "backend/06-collector.yaml\nkubectl apply -f " + TutorialRepo.RAW + "app/k8s.yaml\n");
        repo.edit("app/k8s.yaml", "          env:\n            - name: BACKEND_URL\n              value: http://backend-service:5000\n", "");
        JsonNode frontend = ReaderPath.follow(repo.checkout(), "06-RED-metrics.md")
                .object("Deployment", "tutorial-application", "frontend-deployment").orElseThrow().live();
        JsonNode backend = ReaderPath.follow(repo.checkout(), "06-RED-metrics.md")
                .object("Deployment", "tutorial-application", "backend-deployment").orElseThrow().live();

        JsonNode template = frontend.path("spec").path("template");
        assertThat(template.path("metadata").path("annotations").path("instrumentation.opentelemetry.io/inject-sdk").asString())
                .isEqualTo("true");
        assertThat(backend.path("spec").path("template").path("spec").path("containers").get(0).path("env").toString())
                .isEqualTo("[{\"name\":\"RATE_ERROR\",\"value\":\"50\"}]");
        assertThat(template.path("spec").path("containers").get(0).has("env")).isFalse();
    }

    @Test
    void replaceReplacesTheObjectAndRestartRecreatesPodsUnderTheInstrumentationOfThatMoment() {
        ReaderPath path = ReaderPath.follow(repo.checkout(), "07-ottl.md");

        HeldObject otel = path.object("OpenTelemetryCollector", "observability-backend", "otel").orElseThrow();
        assertThat(otel.origin()).isEqualTo("backend/07-collector.yaml");
        assertThat(otel.live().path("spec").path("config").asString()).doesNotContain("spanmetrics").contains("transform");
        HeldObject backend = path.object("Deployment", "tutorial-application", "backend-deployment").orElseThrow();
        assertThat(backend.podsCreated()).hasValueSatisfying(l -> assertThat(l.location()).isEqualTo("05-sampling.md:9"));
        assertThat(backend.injectedWith()).hasValueSatisfying(i -> assertThat(i.live().path("spec").path("sampler").path("argument")
                .asString()).isEqualTo("0.5"));
        HeldObject frontend = path.object("Deployment", "tutorial-application", "frontend-deployment").orElseThrow();
        assertThat(frontend.podsCreated()).hasValueSatisfying(l -> assertThat(l.location()).isEqualTo("03-app.md:7"));
        assertThat(frontend.injectedWith()).hasValueSatisfying(i -> assertThat(i.live().path("spec").path("sampler").path("argument")
                .asString()).isEqualTo("1"));
    }

    @Test
    void ownUrlsOnABranchAreMovingReferencesMappedToTheCheckout() {
        ReaderPath path = ReaderPath.follow(repo.checkout(), "06-RED-metrics.md");

        assertThat(path.files()).containsOnlyKeys("backend/01-backend.yaml", "app/k8s.yaml", "backend/03-collector.yaml",
                "app/instrumentation.yaml", "app/instrumentation-head-sampling.yaml", "backend/05-collector-1.yaml",
                "backend/05-collector-2.yaml", "backend/06-collector.yaml");
        assertThat(path.movingRefs()).hasSize(8).containsKey(TutorialRepo.RAW + "backend/06-collector.yaml");
        assertThat(path.manifests().resources()).anySatisfy(r -> assertThat(r.location()).isEqualTo("backend/06-collector.yaml:1"));
    }

    @Test
    void aCommandThatCannotBeReadIsNamedWithItsLine() {
        repo.edit("03-app.md", "kubectl apply -f " + TutorialRepo.RAW + "app/k8s.yaml", "kubectl apply -f " + TutorialRepo.RAW + "app/nope.yaml");
        assertThatThrownBy(() -> ReaderPath.follow(repo.checkout(), "06-RED-metrics.md")).isInstanceOf(ChapterCommandException.class)
                .hasMessageStartingWith("03-app.md:4: cannot read the command 'kubectl apply -f ")
                .hasMessageEndingWith("app/nope.yaml is not a file of the checkout " + repo.checkout().dir());
    }

    @Test
    void aDirectoryWithoutChaptersIsNoCheckout() {
        assertThatThrownBy(() -> org.oteltutorial.harness.tutorial.TutorialCheckout.open(dir.resolve("backend"), TutorialRepo.REPOSITORY))
                .isInstanceOf(ManifestException.class).hasMessageEndingWith("is not a tutorial checkout: it has no chapter files (NN-title.md) at its top level");
    }
}
