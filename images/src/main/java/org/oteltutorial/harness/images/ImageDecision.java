package org.oteltutorial.harness.images;

/**
 * What happens to one image before k3s boots.
 *
 * @param image the reference k3s will ask for
 * @param step the step of {@code tutorial.yaml} that brings it in ({@code k3s} for k3s's own system images)
 * @param action whether it is preloaded from the host's Docker or pulled by k3s
 * @param reason why, for the report
 */
public record ImageDecision(String image, String step, Action action, String reason) {

    /** Preloaded into k3s's boot import directory, or left for k3s to pull. */
    public enum Action {
        PRELOAD, PULL
    }

    public boolean preloaded() {
        return action == Action.PRELOAD;
    }
}
