package org.oteltutorial.harness.images;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which images are preloaded into k3s and which k3s has to pull: a pure function of the catalogue, the overlays'
 * image replacements, the pull policies the manifests declare, and what the host's Docker holds.
 *
 * <p>An image is preloaded when the host's Docker has it and the pod will use a preloaded copy, i.e. its pull policy
 * is not {@code Always}. Kubernetes defaults the policy to {@code Always} for {@code :latest} and untagged images, so
 * those are preloaded only when the manifests say {@code IfNotPresent} or {@code Never}.
 */
public record PreloadPlan(List<ImageDecision> decisions) {

    public PreloadPlan {
        decisions = List.copyOf(decisions);
    }

    /**
     * @param catalogue every image of the steps, injected ones included
     * @param replacements overlay image replacements, {@code from -> to}; a catalogue entry naming {@code from} is
     *     replaced by {@code to}, since {@code from} is never run
     * @param pullPolicies the {@code imagePullPolicy} the manifests declare per image (absent: the Kubernetes default)
     * @param systemImages k3s's own images (pause, coredns, local-path-provisioner) the host's Docker holds; each is
     *     preloaded, since k3s needs them before any tutorial pod can start
     * @param presentLocally whether the host's Docker holds an image
     */
    public static PreloadPlan decide(Catalogue catalogue, Map<String, String> replacements, Map<String, String> pullPolicies,
            Collection<String> systemImages, Predicate<String> presentLocally) {
        Objects.requireNonNull(presentLocally, "presentLocally");
        Map<String, String> images = new LinkedHashMap<>();
        for (CatalogueImage image : catalogue.images()) {
            images.putIfAbsent(replacements.getOrDefault(image.image(), image.image()), image.step());
        }
        List<ImageDecision> decisions = new ArrayList<>();
        for (String system : new LinkedHashSet<>(systemImages)) {
            if (!images.containsKey(system) && presentLocally.test(system)) {
                decisions.add(new ImageDecision(system, "k3s", ImageDecision.Action.PRELOAD, "k3s system image, present in the local Docker"));
            }
        }
        images.forEach((image, step) -> decisions.add(decide(image, step, pullPolicies.get(image), presentLocally)));
        return new PreloadPlan(decisions);
    }

    private static ImageDecision decide(String image, String step, String declaredPolicy, Predicate<String> presentLocally) {
        String policy = declaredPolicy != null ? declaredPolicy : defaultPullPolicy(image);
        if (!presentLocally.test(image)) {
            return new ImageDecision(image, step, ImageDecision.Action.PULL, "not in the local Docker; k3s pulls it");
        }
        if ("Always".equals(policy)) {
            return new ImageDecision(image, step, ImageDecision.Action.PULL, "in the local Docker, but imagePullPolicy "
                    + (declaredPolicy == null ? "defaults to Always for a mutable tag" : "is Always") + ", so k3s pulls it anyway");
        }
        String mutable = isMutable(image) ? "; mutable tag: the local copy may differ from the registry's current one" : "";
        return new ImageDecision(image, step, ImageDecision.Action.PRELOAD, "present in the local Docker" + mutable);
    }

    /** The policy Kubernetes applies when a container sets none. */
    static String defaultPullPolicy(String image) {
        return isMutable(image) ? "Always" : "IfNotPresent";
    }

    /** No tag, or {@code latest}, and no digest. */
    static boolean isMutable(String image) {
        if (image.contains("@")) {
            return false;
        }
        int colon = image.lastIndexOf(':');
        return colon < image.lastIndexOf('/') || colon < 0 || image.substring(colon + 1).equals("latest");
    }

    public List<ImageDecision> preload() {
        return decisions.stream().filter(ImageDecision::preloaded).toList();
    }

    public List<ImageDecision> pull() {
        return decisions.stream().filter(d -> !d.preloaded()).toList();
    }

    public Set<String> images() {
        Set<String> all = new LinkedHashSet<>();
        decisions.forEach(d -> all.add(d.image()));
        return all;
    }

    /** Two report lines: what was preloaded and what k3s had to pull, each image with its reason. */
    public List<String> notes() {
        return List.of(
                "images preloaded into k3s (" + preload().size() + "): " + describe(preload()),
                "images k3s had to pull (" + pull().size() + "): " + describe(pull()));
    }

    private static String describe(List<ImageDecision> decisions) {
        if (decisions.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        decisions.forEach(d -> parts.add(d.image() + " [" + d.step() + "; " + d.reason() + "]"));
        return String.join(", ", parts);
    }
}
