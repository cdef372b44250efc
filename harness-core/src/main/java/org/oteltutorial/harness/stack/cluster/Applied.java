package org.oteltutorial.harness.stack.cluster;

/**
 * One object the harness applied.
 *
 * @param created it did not exist before, so the harness owns it and removes it afterwards
 */
public record Applied(ObjectRef ref, boolean created) {
}
