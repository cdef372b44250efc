package org.oteltutorial.harness.cli;

import org.oteltutorial.harness.stack.StackProvider;
import java.util.Optional;
import org.oteltutorial.harness.stack.cluster.ClusterStackProvider;
import org.oteltutorial.harness.stack.k3s.K3sStackProvider;
import org.oteltutorial.harness.stack.kube.KubeStackProvider;
import org.oteltutorial.harness.stack.local.LocalStackProvider;

/** The stacks {@code --stack} (and the scenarios' {@code -Dharness.stack}) can name. */
public final class StackProviders {

    private StackProviders() {
    }

    /**
     * A stack by name, an existing cluster being the default kubeconfig's current context.
     *
     * @throws BadInputException naming the stacks there are, for an unknown name
     */
    public static StackProvider byName(String name) {
        return byName(name, new ClusterOptions());
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
