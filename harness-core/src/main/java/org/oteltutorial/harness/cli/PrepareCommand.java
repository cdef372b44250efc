package org.oteltutorial.harness.cli;

import java.util.concurrent.Callable;
import org.oteltutorial.harness.images.ComponentBuildException;
import org.oteltutorial.harness.stack.local.LocalBinaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harness prepare}: builds the local stack's binaries now (the first local run would otherwise do it). */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Builds the collector, Prometheus and Jaeger binaries of the catalogue from the Go module proxy, if missing.")
final class PrepareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--current", description = "Build today's releases too (the catalogue's current images, for harness matrix).")
    private boolean current;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try {
            LocalBinaries binaries = LocalBinaries.standard(line -> {
                out.println(line);
                out.flush();
            }, out::println);
            binaries.prepareAll();
            if (current) {
                binaries.prepareCurrent();
            }
        } catch (ComponentBuildException e) {
            throw new BadInputException(e.getMessage());
        }
        out.println("prepare: every local component is built");
        return ExitCodes.OK;
    }
}
