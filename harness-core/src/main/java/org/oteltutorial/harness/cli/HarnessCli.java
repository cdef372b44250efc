package org.oteltutorial.harness.cli;

import java.io.PrintWriter;
import org.oteltutorial.harness.collector.CollectorConfigException;
import org.oteltutorial.harness.reader.ChapterCommandException;
import org.oteltutorial.harness.tutorial.ManifestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code harness}: validates the RED-metrics chapter of the OpenTelemetry tracing tutorial. */
@Command(name = "harness", mixinStandardHelpOptions = true, version = "harness 0.1.0",
        description = "Proves that the tutorial's RED-metrics chapter works: spans -> spanmetrics -> Prometheus -> Jaeger SPM.",
        subcommands = {LintCommand.class, RunCommand.class, CheckCommand.class, PrepareCommand.class, DownCommand.class,
                MatrixCommand.class,
                CommandLine.HelpCommand.class})
public final class HarnessCli {

    public static void main(String[] args) {
        // The harness reports failed exports itself (TrafficExportException); the SDK's own log lines would repeat them.
        java.util.logging.Logger.getLogger("io.opentelemetry").setLevel(java.util.logging.Level.OFF);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new HarnessCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BadInputException || e instanceof ManifestException || e instanceof CollectorConfigException
                    || e instanceof ChapterCommandException) {
                commandLine.getErr().println("harness: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            commandLine.getErr().println("harness: internal error: " + e);
            if (System.getenv("HARNESS_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set HARNESS_DEBUG=1 for the stack trace)");
            }
            return ExitCodes.FAILED;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("harness: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        return cli.execute(args);
    }
}
