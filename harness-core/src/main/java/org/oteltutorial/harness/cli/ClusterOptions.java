package org.oteltutorial.harness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that pick an existing cluster ({@code --stack cluster} and {@code check}). */
final class ClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current one).")
    String context;
}
