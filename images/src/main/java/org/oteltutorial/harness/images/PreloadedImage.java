package org.oteltutorial.harness.images;

import java.nio.file.Path;

/**
 * An image saved as a tar archive for k3s to import at boot.
 *
 * @param reused the archive from an earlier run was kept, because the image's id has not changed
 */
public record PreloadedImage(String image, String imageId, Path tar, boolean reused) {

    /** The archive's file name, e.g. {@code quay.io_prometheus_prometheus_v2.47.2.tar}. */
    public String fileName() {
        return tar.getFileName().toString();
    }
}
