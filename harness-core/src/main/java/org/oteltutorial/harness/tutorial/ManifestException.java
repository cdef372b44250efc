package org.oteltutorial.harness.tutorial;

/** Manifests that cannot be read: a missing path, malformed YAML, a document that is not a Kubernetes resource. */
public class ManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
