package org.oteltutorial.harness.check;

import org.oteltutorial.harness.lint.Severity;

/**
 * One thing the self-check found, said the way a workshop attendee can act on it.
 *
 * @param severity {@link Severity#ERROR} when the step-06 state is not reached (the chapter's claims cannot hold)
 * @param step the tutorial step that is missing or wrong, e.g. {@code 06 RED metrics: collector with the spanmetrics connector}
 * @param problem what is wrong, naming the objects
 * @param fix what to run, e.g. the {@code kubectl apply -f} of the tutorial's file at the pinned commit
 */
public record Advice(Severity severity, String step, String problem, String fix) {

    public static Advice error(String step, String problem, String fix) {
        return new Advice(Severity.ERROR, step, problem, fix);
    }

    public static Advice warning(String step, String problem, String fix) {
        return new Advice(Severity.WARNING, step, problem, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Three lines: severity and step, the problem, the fix. */
    public String render() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + " [" + step + "]\n  " + problem + "\n  fix: " + fix;
    }
}
