package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Step;
import org.oteltutorial.harness.tutorial.StepPlan.WaitTarget;

class StepSourceTest {

    @TempDir
    Path cache;

    @Test
    void theBundledManifestsFillTheirOwnStepsAndThePlanIsUnchanged() {
        StepSource source = StepSource.bundled(new ManifestCache(cache, new FakeReleases()));
        StepPlan plan = StepPlan.bundled();

        assertThat(source.planFor(plan)).isEqualTo(plan);
        Step app = plan.steps().stream().filter(s -> s.id().equals("app")).findFirst().orElseThrow();
        assertThat(source.load(app)).extracting(SourcedResource::origin).containsOnly("step-06/app.yaml");
        assertThat(source.load(app)).extracting(SourcedResource::name).contains("frontend-deployment", "frontend-service");
    }

    @Test
    void givenManifestsReplaceTheProjectStepsInTheirPlaceAndInheritTheirWaits() {
        List<SourcedResource> given = new ManifestLoader().parse("/work/mine/all.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: observability-backend}
                """);
        StepSource source = new StepSource(new ManifestCache(cache, new FakeReleases()), new Manifests(given));
        StepPlan plan = StepPlan.bundled();

        StepPlan applied = source.planFor(plan);

        assertThat(applied.steps()).extracting(Step::id).containsExactly("cert-manager", "operator", StepSource.GIVEN_MANIFESTS);
        Step step = applied.steps().get(2);
        assertThat(step.waitFor()).extracting(WaitTarget::name).containsExactly("prometheus", "jaeger", "frontend-deployment",
                "backend1-deployment", "backend2-deployment", "otel-collector");
        assertThat(source.load(step)).isEqualTo(given);
    }
}
