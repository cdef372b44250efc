package org.oteltutorial.harness.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;

class BundledLintTest {

    @Test
    void bundledManifestsHaveNoErrorsAndOnlyTheThreeMutableAppImageWarnings() {
        LintResult result = Linter.standard().lint(StackModel.from(new ManifestLoader().bundled()));

        Findings.assertNoErrors(result);
        Findings.assertOnlyAppImageWarnings(result);
        assertThat(result.warnings()).extracting(Finding::resource).containsExactly(
                "Deployment tutorial-application/backend1-deployment",
                "Deployment tutorial-application/backend2-deployment",
                "Deployment tutorial-application/frontend-deployment");
    }

    @Test
    void theFixtureIsTheBundledStackUnchanged() {
        Step06 step06 = Step06.bundled();
        assertThat(step06.fileNames()).containsExactly(Step06.BACKEND, Step06.INSTRUMENTATION, Step06.APP, Step06.COLLECTOR);
        assertThat(step06.lint()).isEqualTo(Linter.standard().lint(StackModel.from(new ManifestLoader().bundled())));
    }

    @Test
    void standardLinterRunsTheFifteenRules() {
        assertThat(Linter.standard().rules()).extracting(Rule::id).containsExactly("collector-config", "pipeline-undefined", "connector-wiring",
                "unused-component", "red-unsampled", "red-to-prometheus", "metric-names", "prometheus-otlp-flag",
                "endpoint-unresolved", "jaeger-spm", "jaeger-v2-flags", "collector-component-names", "collector-feature-gates",
                "prometheus-translation", "image");
        assertThat(Linter.standard().rules()).allSatisfy(r -> assertThat(r.description()).isNotBlank());
    }

    @Test
    void errorsComeFirstThenByFileAndLine() {
        LintResult result = Step06.bundled()
                .replace(Step06.BACKEND, "value: prometheus\n", "value: none\n")
                .lint();
        List<Finding> findings = result.findings();
        assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(findings.get(0).rule()).isEqualTo("jaeger-spm");
        assertThat(findings.subList(1, findings.size())).extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(findings.subList(1, findings.size())).extracting(Finding::location)
                .containsExactly("step-06/app.yaml:9", "step-06/app.yaml:52", "step-06/app.yaml:94");
    }
}
