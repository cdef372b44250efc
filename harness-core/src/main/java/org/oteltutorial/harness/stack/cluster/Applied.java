package org.oteltutorial.harness.stack.cluster;

/**
 * One object the harness applied, or found and left alone.
 *
 * @param created it did not exist before, so the harness owns it and removes it afterwards
 * @param leftAsItWas it existed before, so it was not applied over: forcing the tutorial's version over a newer
 *     cert-manager or operator would silently downgrade it
 */
public record Applied(ObjectRef ref, boolean created, boolean leftAsItWas) {

    public Applied(ObjectRef ref, boolean created) {
        this(ref, created, false);
    }
}
