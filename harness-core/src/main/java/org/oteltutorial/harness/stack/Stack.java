package org.oteltutorial.harness.stack;

import java.util.List;

/**
 * A running step-06 stack somewhere (local processes, k3s, an existing cluster). Closing it removes what it started,
 * unless it was asked to keep things on failure.
 */
public interface Stack extends AutoCloseable {

    /** {@code local}, {@code k3s} or {@code cluster}. */
    String name();

    StackEndpoints endpoints();

    /** What the report should say about how the stack was made (overlays, preloaded images, rewritten addresses). */
    List<String> notes();

    /** Called before {@link #close()} when a check failed; stacks that can keep their resources for inspection do so. */
    default void markFailed() {
    }

    @Override
    void close();
}
