package org.oteltutorial.harness.images;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/** Where images are held before k3s gets them: the host's Docker (or a fake in tests). */
public interface ImageStore {

    /** The image's id (e.g. {@code sha256:...}) when the store holds it. */
    Optional<String> imageId(String image);

    /** Writes the image as a {@code docker save} tar archive. */
    void save(String image, OutputStream out) throws IOException;

    /** Every tagged image whose repository starts with one of the prefixes, e.g. {@code rancher/mirrored-}. */
    List<String> tagged(List<String> repositoryPrefixes);
}
