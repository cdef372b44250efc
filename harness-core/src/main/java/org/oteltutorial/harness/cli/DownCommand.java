package org.oteltutorial.harness.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.kube.KubePreparation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness down REPORT_DIR}: stops the stack a run kept ({@code --keep}) and cleans the host. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Stops a stack kept with --keep (the kube stack) and cleans the host.",
                "Exit 0: stopped cleanly; 1: something could not be cleaned (listed); 2: no kept stack in REPORT_DIR."})
final class DownCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "REPORT_DIR", description = "The report directory of the run that kept the stack.")
    private Path reportDir;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        List<String> problems;
        try {
            problems = KubePreparation.down(reportDir, line -> {
                out.println(line);
                out.flush();
            });
        } catch (EnvironmentException e) {
            throw new BadInputException(e.getMessage());
        }
        problems.forEach(p -> out.println("down: " + p));
        out.println(problems.isEmpty() ? "down: stopped; the host is as it was" : "down: " + problems.size() + " problems left");
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
