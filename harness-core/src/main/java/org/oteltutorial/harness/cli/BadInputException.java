package org.oteltutorial.harness.cli;

/** Input the harness cannot work with, or an environment that cannot run what was asked: exit code 2. */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
