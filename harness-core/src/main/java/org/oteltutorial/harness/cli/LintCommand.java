package org.oteltutorial.harness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.images.BinaryCache;
import org.oteltutorial.harness.images.Catalogue;
import org.oteltutorial.harness.images.LocalComponent;
import org.oteltutorial.harness.lint.CollectorValidator;
import org.oteltutorial.harness.tutorial.CollectorModel;
import java.util.concurrent.Callable;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.lint.Linter;
import org.oteltutorial.harness.lint.PathLinter;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.StackModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code harness lint}: the static preflight. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Reads a stack's manifests and reports what would make the RED-metrics chapter fail.",
                "Exit 0: no errors; 1: error findings; 2: bad input."})
final class LintCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Manifest files or directories (a directory is one stack). Default: the bundled step-06 manifests.")
    private List<Path> paths = List.of();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    private LintFormat format;

    @Option(names = "--no-validate", description = "Skip the collector's own validate command.")
    private boolean skipValidate;

    @Mixin
    private TutorialOptions tutorial;

    @Override
    public Integer call() {
        if (tutorial.given() && !paths.isEmpty()) {
            throw new BadInputException("give either PATH... or --tutorial, not both");
        }
        Optional<TutorialInput> reader = tutorial.read();
        ManifestLoader loader = new ManifestLoader();
        Manifests manifests = reader.map(TutorialInput::state)
                .orElseGet(() -> paths.isEmpty() ? loader.bundled() : loader.fromPaths(paths));
        if (manifests.isEmpty()) {
            throw new BadInputException("no Kubernetes resources in " + paths);
        }
        StackModel model = reader.map(TutorialInput::model).orElseGet(() -> StackModel.from(manifests));
        LintResult result = Linter.standard().lint(model);
        List<String> notes = new ArrayList<>();
        notes.add("validated " + reader.map(TutorialInput::describe).orElseGet(() -> paths.isEmpty() ? Sources.bundled()
                : "the manifests in " + String.join(", ", paths.stream().map(p -> p.toAbsolutePath().toString()).toList())));
        reader.ifPresent(r -> {
            r.steps().forEach(s -> notes.add("step " + s));
            notes.addAll(r.notes());
        });
        if (reader.isPresent()) {
            result = result.with(reader.get().findings());
        }
        if (!skipValidate) {
            CollectorValidator.Outcome validated = new CollectorValidator(LintCommand::builtCollector).validate(model);
            result = result.with(validated.findings());
            notes.addAll(validated.notes());
        }
        int rules = Linter.standard().rules().size() + (reader.isPresent() ? PathLinter.standard().rules().size() : 0);
        var out = spec.commandLine().getOut();
        out.print(format.render(result, notes, manifests.resources().size(), rules));
        out.flush();
        return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static Optional<Path> builtCollector(CollectorModel collector) {
        LocalComponent pinned = Catalogue.bundled().component("otelcol");
        String version = collector.version().map(Object::toString).orElse(pinned.version());
        return BinaryCache.fromEnvironment().built(pinned.withVersion(version));
    }
}
