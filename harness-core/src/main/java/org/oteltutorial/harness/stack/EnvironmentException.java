package org.oteltutorial.harness.stack;

/** This machine cannot run the requested stack (no Docker, no Go, no cluster...): exit code 2, with the reason. */
public class EnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message);
    }
}
