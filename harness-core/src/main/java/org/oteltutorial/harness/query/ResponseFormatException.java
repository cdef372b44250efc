package org.oteltutorial.harness.query;

/** A 2xx response whose JSON does not have the documented shape; each client turns it into its own exception. */
final class ResponseFormatException extends RuntimeException {

    ResponseFormatException(String message) {
        super(message);
    }

    ResponseFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
