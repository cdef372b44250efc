package org.oteltutorial.harness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that pick an existing cluster ({@code --stack cluster} and {@code check}). */
final class ClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current one).")
    String context;

    @Option(names = "--without", paramLabel = "PART", description = "operator: skip cert-manager, the operator and the app, and apply"
            + " the collector CR as what operator v0.94 creates from it (--stack cluster; the kube stack always does).")
    java.util.List<String> without = new java.util.ArrayList<>();

    @Option(names = "--as", paramLabel = "USER", description = "Make every request as this user (impersonation, like kubectl --as).")
    String as;
}
