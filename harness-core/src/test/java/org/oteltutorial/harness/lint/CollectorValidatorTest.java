package org.oteltutorial.harness.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.StackModel;

/** The collector's own validate, run through a stand-in binary that answers like the real one. */
class CollectorValidatorTest {

    private final StackModel bundled = StackModel.from(new ManifestLoader().bundled());

    @Test
    void aConfigTheCollectorRejectsIsAnErrorQuotingIt(@TempDir Path dir) throws IOException {
        Path binary = fakeCollector(dir, 1, "Error: service::pipelines::traces/spanmetrics: references exporter \"spanmetrics\" which is not configured");

        CollectorValidator.Outcome outcome = new CollectorValidator(c -> Optional.of(binary)).validate(bundled);

        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("collector-validate");
            assertThat(f.isError()).isTrue();
            assertThat(f.message()).contains("references exporter \"spanmetrics\" which is not configured");
        });
    }

    @Test
    void anAcceptedConfigGivesANoteAndNoFinding(@TempDir Path dir) throws IOException {
        Path binary = fakeCollector(dir, 0, "");

        CollectorValidator.Outcome outcome = new CollectorValidator(c -> Optional.of(binary)).validate(bundled);

        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.notes()).singleElement().asString().contains("validate").contains("is valid");
    }

    @Test
    void aComponentMissingFromTheHarnessBuildIsOnlyAWarning(@TempDir Path dir) throws IOException {
        Path binary = fakeCollector(dir, 1, "Error: failed to get config: cannot unmarshal the configuration: unknown type: \"k8sattributes\"");

        CollectorValidator.Outcome outcome = new CollectorValidator(c -> Optional.of(binary)).validate(bundled);

        assertThat(outcome.findings()).singleElement().satisfies(f -> assertThat(f.isError()).isFalse());
    }

    @Test
    void withoutABinaryItSaysItSkipped() {
        CollectorValidator.Outcome outcome = new CollectorValidator(c -> Optional.empty()).validate(bundled);

        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.notes()).singleElement().asString().contains("skipped").contains("0.94.0");
    }

    /** A script that checks it was asked to validate the config file it was given, then answers as told. */
    private static Path fakeCollector(Path dir, int exit, String output) throws IOException {
        Path script = dir.resolve("otelcol-contrib");
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = validate ] || exit 9\ngrep -q spanmetrics \"${2#--config=}\" || exit 8\n"
                + "echo '" + output.replace("'", "'\\''") + "'\nexit " + exit + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
