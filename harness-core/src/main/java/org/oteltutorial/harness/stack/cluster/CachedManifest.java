package org.oteltutorial.harness.stack.cluster;

import java.net.URI;
import java.nio.file.Path;

/**
 * A release manifest from the cache.
 *
 * @param sha256 the hex digest recorded when it was downloaded, and verified now
 * @param downloaded fetched during this run (otherwise reused from disk)
 */
public record CachedManifest(URI url, Path file, String text, String sha256, boolean downloaded) {
}
