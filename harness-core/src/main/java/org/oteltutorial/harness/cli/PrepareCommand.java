package org.oteltutorial.harness.cli;

import java.util.concurrent.Callable;
import org.oteltutorial.harness.images.ComponentBuildException;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.kube.KubePreparation;
import org.oteltutorial.harness.stack.local.LocalBinaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harness prepare}: builds the local stack's binaries now (the first local run would otherwise do it). */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = {"Builds the collector, Prometheus and Jaeger binaries of the catalogue from the Go module proxy, if missing.",
                "As root on Linux also installs the kube stack's Debian packages and builds Kubernetes and CoreDNS (--no-kube skips it)."})
final class PrepareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--current", description = "Build today's releases too (the catalogue's current images, for harness matrix).")
    private boolean current;

    @Option(names = "--no-kube", description = "Do not prepare the kube stack.")
    private boolean noKube;

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
        if (!noKube && KubePreparation.applicable()) {
            try {
                KubePreparation.prepare(line -> {
                    out.println(line);
                    out.flush();
                });
            } catch (ComponentBuildException | EnvironmentException e) {
                throw new BadInputException(e.getMessage());
            }
            out.println("prepare: the kube stack's packages are installed and Kubernetes and CoreDNS are built");
        } else if (!noKube) {
            out.println("prepare: the kube stack is not prepared (it needs root on Linux)");
        }
        return ExitCodes.OK;
    }
}
