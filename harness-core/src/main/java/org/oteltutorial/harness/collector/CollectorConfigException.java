package org.oteltutorial.harness.collector;

/** A collector config that cannot be read at all (not YAML, or not the collector's shape). */
public class CollectorConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CollectorConfigException(String message) {
        super(message);
    }
}
