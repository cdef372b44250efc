package org.oteltutorial.harness.scenarios;

/** Settings of the scenario run ({@code -Dharness.stack=...}). */
final class Scenarios {

    private Scenarios() {
    }

    static String stack() {
        String stack = System.getProperty("harness.stack", "");
        return stack.isBlank() ? "local" : stack;
    }
}
