package org.oteltutorial.harness.stack;

/** The stack could not be brought up; the message names the component and quotes its own error. */
public class StackStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
