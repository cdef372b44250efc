package org.oteltutorial.harness.stack.local;

import org.oteltutorial.harness.images.ComponentBuilder;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.Stack;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.tutorial.StackModel;

/** The default stack: the upstream programs as local processes. */
public final class LocalStackProvider implements StackProvider {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void checkEnvironment() {
        if (LocalBinaries.standard(line -> { }, note -> { }).allBuilt()) {
            return;
        }
        // Binaries that are missing are built from the Go module proxy, which needs Go.
        if (ComponentBuilder.goAvailable()) {
            return;
        }
        throw new EnvironmentException("the local stack needs the Go toolchain ('go' on the PATH) to build the collector,"
                + " Prometheus and Jaeger once; install Go 1.21 or later");
    }

    @Override
    public Stack start(StackModel model, StackContext context) {
        return LocalStack.start(model, LocalStackOptions.in(context.reportDir().resolve("stack"), context.progress())
                .withKeepOnFailure(context.keepOnFailure()));
    }
}
