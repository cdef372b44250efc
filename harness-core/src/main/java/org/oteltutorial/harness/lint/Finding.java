package org.oteltutorial.harness.lint;

import org.oteltutorial.harness.tutorial.SourcedResource;

/**
 * One thing lint found.
 *
 * @param location {@code file:line} of the resource
 * @param resource {@code Kind namespace/name}
 * @param message what breaks and how to fix it
 */
public record Finding(Severity severity, String rule, String location, String resource, String message) {

    public static Finding error(String rule, SourcedResource at, String message) {
        return new Finding(Severity.ERROR, rule, at.location(), at.describe(), message);
    }

    public static Finding warning(String rule, SourcedResource at, String message) {
        return new Finding(Severity.WARNING, rule, at.location(), at.describe(), message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
