package org.oteltutorial.harness.cli;

import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.stack.local.LocalStackProvider;

/** The stacks {@code --stack} can name. */
final class StackProviders {

    private StackProviders() {
    }

    static StackProvider byName(String name, ClusterOptions cluster) {
        return switch (name) {
            case "local" -> new LocalStackProvider();
            default -> throw new BadInputException("unknown stack '" + name + "' (local, k3s or cluster)");
        };
    }
}
