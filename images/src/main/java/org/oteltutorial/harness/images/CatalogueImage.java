package org.oteltutorial.harness.images;

import java.util.Optional;

/**
 * One image of the catalogue.
 *
 * @param step the step of {@code tutorial.yaml} that brings it in
 * @param local the local component built from the same upstream program, if any
 * @param injected whether the operator injects it (it appears in no manifest)
 */
public record CatalogueImage(String image, String step, String local, boolean injected, String note) {

    public Optional<String> localComponent() {
        return Optional.ofNullable(local);
    }

    /** The tag, e.g. {@code v2.47.2}. */
    public String tag() {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
    }

    /** The tag without a leading {@code v}, as the build scripts take it. */
    public String version() {
        String tag = tag();
        return tag.startsWith("v") ? tag.substring(1) : tag;
    }
}
