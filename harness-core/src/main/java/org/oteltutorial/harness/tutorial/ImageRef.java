package org.oteltutorial.harness.tutorial;

import java.util.Optional;

/**
 * A container image reference split into its parts. {@code repository} excludes the registry, e.g. image
 * {@code quay.io/prometheus/prometheus:v2.47.2} has registry {@code quay.io}, repository {@code prometheus/prometheus}
 * and tag {@code v2.47.2}.
 */
public record ImageRef(String raw, String registry, String repository, String tag, String digest) {

    public static ImageRef parse(String image) {
        String rest = image.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = "docker.io";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        if (registry.equals("docker.io") && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return new ImageRef(image, registry, rest, tag, digest);
    }

    /** The last path segment of the repository, e.g. {@code all-in-one}. */
    public String name() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    public Optional<Version> version() {
        return Version.parse(tag);
    }

    /** A tag that can point at different images over time: none at all, or {@code latest}, without a digest. */
    public boolean isMutable() {
        return digest == null && (tag == null || tag.equals("latest"));
    }

    @Override
    public String toString() {
        return raw;
    }
}
