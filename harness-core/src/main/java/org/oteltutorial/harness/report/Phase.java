package org.oteltutorial.harness.report;

/** A phase of a run and its wall time. */
public record Phase(String name, double seconds) {
}
