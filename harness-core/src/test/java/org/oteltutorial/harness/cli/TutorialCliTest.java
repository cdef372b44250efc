package org.oteltutorial.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.reader.TutorialRepo;

/** {@code --tutorial} and {@code --chapter} on the CLI, on the project's tutorial-shaped fixture repository. */
class TutorialCliTest {

    @TempDir
    Path dir;

    private TutorialRepo repo;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void copy() {
        repo = TutorialRepo.copyTo(dir.resolve("tutorial"));
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HarnessCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static void assertOneLineBadInput(Run run, String message) {
        assertThat(run.exit()).as("stderr: %s", run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("harness: " + message);
    }

    @Test
    void lintOfTheReadersPathFailsOnTheSpmFileNoChapterAppliesAndPassesOnceTheChapterAppliesIt() {
        Run before = run("lint", "--tutorial", repo.dir().toString(), "--no-validate");
        assertThat(before.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(before.out()).containsPattern("(?m)^ERROR +spm-not-applied +06-RED-metrics\\.md:27 +backend/06-backend\\.yaml +no chapter")
                .contains("note: validated the tutorial checkout " + repo.dir() + " (not a git work tree), the reader's path up to 06-RED-metrics.md")
                .contains("note: step 05-sampling.md:11  kubectl apply -f " + TutorialRepo.RAW + "backend/05-collector-2.yaml  → "
                        + "OpenTelemetryCollector otel configured; OpenTelemetryCollector otel-gateway created");

        Run after = run("lint", "--tutorial", repo.withSpmBackendApplied().dir().toString(), "--no-validate");
        assertThat(after.exit()).as(after.out()).isEqualTo(ExitCodes.OK);
        assertThat(after.out()).doesNotContainPattern("(?m)^ERROR").containsPattern("(?m)^WARNING +red-head-sampled +05-sampling\\.md:4 ");
    }

    @Test
    void aDirectoryThatIsNoCheckoutIsBadInput() {
        Path backend = repo.dir().resolve("backend");
        assertOneLineBadInput(run("lint", "--tutorial", backend.toString()),
                backend + " is not a tutorial checkout: it has no chapter files (NN-title.md) at its top level");
    }

    @Test
    void anUnknownChapterIsBadInput() {
        assertOneLineBadInput(run("run", "--tutorial", repo.dir().toString(), "--chapter", "09-nope.md"), "no chapter '09-nope.md' in "
                + repo.dir() + " (chapters: [01-setup.md, 02-theory.md, 03-app.md, 05-sampling.md, 06-RED-metrics.md, 07-ottl.md])");
    }

    @Test
    void aChapterCommandThatCannotBeParsedIsBadInputNamedWithItsLine() {
        repo.edit("05-sampling.md", "RATE_ERROR=50 -n", "'RATE_ERROR=50 -n");
        assertOneLineBadInput(run("lint", "--tutorial", repo.dir().toString()), "05-sampling.md:9: cannot read the command"
                + " 'kubectl set env deployment backend-deployment 'RATE_ERROR=50 -n tutorial-application': a single quote is never closed");
    }

    @Test
    void aUrlWhoseRefCannotBeDownloadedIsBadInput() {
        Run run = run("lint", "--tutorial", "https://github.com/oteltutorial-harness-fixtures/no-such-repository@no-such-ref");
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).startsWith("harness: https://github.com/oteltutorial-harness-fixtures/no-such-repository@no-such-ref:"
                + " cannot download https://github.com/oteltutorial-harness-fixtures/no-such-repository/archive/no-such-ref.zip (")
                .endsWith("); without network access use --tutorial DIR with a checkout").doesNotContain("\n");
    }

    @Test
    void chapterWithoutTutorialAndTutorialWithManifestsAreBadInput() {
        assertOneLineBadInput(run("lint", "--chapter", "06"), "--chapter needs --tutorial DIR");
        assertOneLineBadInput(run("run", "--tutorial", repo.dir().toString(), "--manifests", repo.dir().toString()),
                "give either --manifests or --tutorial, not both");
    }
}
