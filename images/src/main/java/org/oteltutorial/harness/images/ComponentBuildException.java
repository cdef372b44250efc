package org.oteltutorial.harness.images;

/** A local component could not be built; the message says which, why, and where the full log is. */
public class ComponentBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ComponentBuildException(String message) {
        super(message);
    }
}
