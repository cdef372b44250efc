package org.oteltutorial.harness.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.StackModel;

/**
 * Runs the collector's own {@code validate} command on each embedded config, with the binary of the version its image
 * names, when that binary has been built; otherwise says it skipped.
 */
public final class CollectorValidator {

    static final String RULE = "collector-validate";
    private static final long TIMEOUT_SECONDS = 30;

    private final Function<CollectorModel, Optional<Path>> binaries;

    /** @param binaries the built collector binary for a collector's version, if any */
    public CollectorValidator(Function<CollectorModel, Optional<Path>> binaries) {
        this.binaries = binaries;
    }

    /** Findings, plus one note per collector saying what was validated or why not. */
    public record Outcome(List<Finding> findings, List<String> notes) {
    }

    public Outcome validate(StackModel model) {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CollectorModel collector : model.collectors()) {
            String version = collector.version().map(Object::toString).orElse("unknown version");
            Optional<Path> binary = binaries.apply(collector);
            if (binary.isEmpty()) {
                notes.add("collector validate skipped for " + collector.source().describe() + ": no collector " + version
                        + " binary is built (./harness prepare builds the catalogue's)");
                continue;
            }
            run(binary.get(), collector).ifPresentOrElse(findings::add,
                    () -> notes.add("collector " + version + " validate: " + collector.source().describe() + " config is valid"));
        }
        return new Outcome(findings, notes);
    }

    private Optional<Finding> run(Path binary, CollectorModel collector) {
        try {
            Path config = Files.createTempFile("collector-config", ".yaml");
            try {
                Files.writeString(config, collector.config().text());
                Process p = new ProcessBuilder(binary.toString(), "validate", "--config=" + config).redirectErrorStream(true).start();
                byte[] output = p.getInputStream().readAllBytes();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.of(Finding.warning(RULE, collector.source(), "collector validate did not finish in "
                            + TIMEOUT_SECONDS + " s"));
                }
                if (p.exitValue() == 0) {
                    return Optional.empty();
                }
                String error = lastErrorLine(new String(output, StandardCharsets.UTF_8));
                if (error.contains("unknown type")) {
                    return Optional.of(Finding.warning(RULE, collector.source(), "the harness's collector build lacks a component this"
                            + " config uses, so validate could not judge it: " + error));
                }
                return Optional.of(Finding.error(RULE, collector.source(), "the collector itself rejects " + collector.configOrigin()
                        + ": " + error));
            } finally {
                Files.deleteIfExists(config);
            }
        } catch (IOException e) {
            return Optional.of(Finding.warning(RULE, collector.source(), "collector validate could not run: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String lastErrorLine(String output) {
        String[] lines = output.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("Error:")) {
                return lines[i].substring("Error:".length()).strip();
            }
        }
        return lines.length == 0 ? "(no output)" : lines[lines.length - 1].strip();
    }
}
