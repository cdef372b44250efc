package org.oteltutorial.harness.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code summary.json} and {@code summary.md} into the report directory. */
public final class SummaryWriter {

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public void write(Path reportDir, RunSummary summary) {
        try {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("summary.json"), json.writeValueAsString(summary) + "\n");
            Files.writeString(reportDir.resolve("summary.md"), markdown(summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown(RunSummary s) {
        StringBuilder md = new StringBuilder();
        long passed = s.checks().stream().filter(c -> c.status() == CheckStatus.PASS).count();
        long failed = s.checks().stream().filter(CheckResult::failed).count();
        long skipped = s.skipped();
        md.append("# RED metrics run: ").append(s.headline()).append("\n\n");
        md.append("Stack `").append(s.stack()).append("`, run id `").append(s.runId()).append("`: ")
                .append(passed).append(" passed, ").append(failed).append(" failed, ").append(skipped).append(" skipped.\n\n");
        md.append("Validated: ").append(escape(s.source())).append(".\n\n");
        if (failed > 0) {
            md.append("## Failed\n\n");
            s.checks().stream().filter(CheckResult::failed)
                    .forEach(c -> md.append("- **").append(escape(c.name())).append("**: ").append(escape(c.message())).append("\n"));
            md.append("\n");
        }
        if (skipped > 0) {
            md.append("## Skipped (not passed: nothing was compared)\n\n");
            s.checks().stream().filter(c -> c.status() == CheckStatus.SKIP)
                    .forEach(c -> md.append("- **").append(escape(c.name())).append("**: ").append(escape(c.message())).append("\n"));
            md.append("\n");
        }
        md.append("## Checks: expected vs observed\n\n| check | status | expected | observed | waited | message |\n|---|---|---|---|---|---|\n");
        for (CheckResult c : s.checks()) {
            md.append("| ").append(escape(c.name())).append(" | ").append(c.status().json()).append(" | ").append(escape(c.expected()))
                    .append(" | ").append(escape(c.observed())).append(" | ").append(c.seconds() == null ? "" : c.seconds() + " s")
                    .append(" | ").append(escape(c.message())).append(" |\n");
        }
        md.append("\n## Phases\n\n| phase | seconds |\n|---|---|\n");
        s.phases().forEach(p -> md.append("| ").append(escape(p.name())).append(" | ").append(p.seconds()).append(" |\n"));
        if (!s.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            s.notes().forEach(n -> md.append("- ").append(escape(n)).append("\n"));
        }
        return md.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
