package org.oteltutorial.harness.cli;

import org.oteltutorial.harness.stack.StackProvider;
import java.util.Optional;
import org.oteltutorial.harness.stack.cluster.ClusterStackProvider;
import org.oteltutorial.harness.stack.k3s.K3sStackProvider;
import org.oteltutorial.harness.stack.kube.KubeStackProvider;
import org.oteltutorial.harness.stack.local.LocalStackProvider;

/** The stacks {@code --stack} can name. */
final class StackProviders {

    private StackProviders() {
    }

    static StackProvider byName(String name, ClusterOptions cluster) {
        cluster.without.stream().filter(part -> !part.equals("operator")).findFirst().ifPresent(part -> {
            throw new BadInputException("--without " + part + ": only 'operator' can be left out");
        });
        return switch (name) {
            case "local" -> new LocalStackProvider();
            case "kube" -> new KubeStackProvider();
            case "k3s" -> new K3sStackProvider();
            case "cluster" -> {
                ClusterStackProvider provider = ClusterStackProvider.of(Optional.ofNullable(cluster.kubeconfig), Optional.ofNullable(cluster.context));
                yield cluster.without.contains("operator") ? provider.withoutOperator() : provider;
            }
            default -> throw new BadInputException("unknown stack '" + name + "' (local, kube, k3s or cluster)");
        };
    }
}
