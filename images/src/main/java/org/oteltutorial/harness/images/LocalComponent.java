package org.oteltutorial.harness.images;

/**
 * An upstream program the local stack runs as a process, and how to build it.
 *
 * @param name {@code otelcol}, {@code jaeger} or {@code prometheus}
 * @param binary the executable's file name
 * @param script the build script under {@code components/} in this module's resources
 * @param version the version the catalogue pins (from its image tag)
 */
public record LocalComponent(String name, String binary, String script, String version) {

    public LocalComponent withVersion(String otherVersion) {
        return new LocalComponent(name, binary, script, otherVersion);
    }
}
