package org.oteltutorial.harness.stack;

import org.oteltutorial.harness.tutorial.StackModel;

/** Brings a stack up for a run: local processes, k3s, or an existing cluster. */
public interface StackProvider {

    /** {@code local}, {@code k3s} or {@code cluster}. */
    String name();

    /**
     * Checks within seconds that this machine can run the stack at all, before anything slow starts.
     *
     * @throws EnvironmentException with the reason and what to do, when it cannot
     */
    void checkEnvironment();

    /** Brings the stack up and waits until it is ready. */
    Stack start(StackModel model, StackContext context);
}
