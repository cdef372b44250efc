package org.oteltutorial.harness.reader;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a {@code -f} argument of a chapter names: a file of the checkout, or a URL outside it (a release manifest). */
public sealed interface FileTarget {

    String written();

    /**
     * A file of the tutorial's own repository, read from the checkout.
     *
     * @param path relative to the checkout, e.g. {@code backend/06-collector.yaml}
     * @param ref the ref of the URL that named it ({@code main}), empty when the chapter names a relative path
     */
    record OwnFile(String written, String path, Optional<String> ref) implements FileTarget {

        /** A branch name, not a commit or tag: what it names changes when the branch moves. */
        public boolean movingRef() {
            return ref.filter(r -> !r.matches("[0-9a-f]{7,40}") && !r.matches("v?\\d+(\\.\\d+)*.*")).isPresent();
        }
    }

    /** A URL outside the repository (a cert-manager or operator release): a step of its own. */
    record Release(String written) implements FileTarget {
    }

    /** Maps what the chapter wrote to a target, for the repository {@code owner/name} checked out at {@code dir}. */
    static FileTarget of(ChapterLine at, String written, String repository, Path dir) {
        Matcher raw = Pattern.compile("^https?://raw\\.githubusercontent\\.com/([^/]+/[^/]+)/([^/]+)/(.+)$").matcher(written);
        Matcher blob = Pattern.compile("^https?://github\\.com/([^/]+/[^/]+)/(?:blob|raw)/([^/]+)/(.+)$").matcher(written);
        for (Matcher m : new Matcher[] {raw, blob}) {
            if (m.matches() && m.group(1).equalsIgnoreCase(repository)) {
                return own(at, written, m.group(3), Optional.of(m.group(2)), dir);
            }
        }
        if (written.matches("^[a-z]+://.*")) {
            try {
                URI.create(written);
            } catch (IllegalArgumentException e) {
                throw new ChapterCommandException(at, "not a valid URL: " + e.getMessage());
            }
            return new Release(written);
        }
        return own(at, written, written.startsWith("./") ? written.substring(2) : written, Optional.empty(), dir);
    }

    private static OwnFile own(ChapterLine at, String written, String path, Optional<String> ref, Path dir) {
        Path file = dir.resolve(path).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw new ChapterCommandException(at, path + " is not a file of the checkout " + dir);
        }
        if (!Set.of(".yaml", ".yml", ".json").stream().anyMatch(path::endsWith)) {
            throw new ChapterCommandException(at, path + " is not a YAML or JSON manifest");
        }
        return new OwnFile(written, path, ref);
    }
}
