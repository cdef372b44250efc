package org.oteltutorial.harness.stack.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.oteltutorial.harness.images.BinaryCache;
import org.oteltutorial.harness.stack.StackStartException;

/**
 * Release manifests (cert-manager, the operator) cached on disk: {@code <dir>/<host>/<path>}, with the sha256 recorded
 * at download time next to it ({@code <file>.sha256}, {@code sha256sum} format). A cached file is verified against its
 * recorded digest every time it is reused; a mismatch means the file changed after download, and the run stops rather
 * than apply it.
 */
public final class ManifestCache {

    private final Path directory;
    private final Downloader downloader;

    public ManifestCache(Path directory, Downloader downloader) {
        this.directory = directory;
        this.downloader = downloader;
    }

    /** {@code $HARNESS_CACHE/manifests}, else {@code ~/.cache/otel-tutorial-harness/manifests}. */
    public static Path defaultDirectory() {
        return BinaryCache.fromEnvironment().root().resolve("manifests");
    }

    public Path directory() {
        return directory;
    }

    public CachedManifest get(URI url) {
        Path file = fileFor(url);
        Path digestFile = file.resolveSibling(file.getFileName() + ".sha256");
        try {
            if (Files.isRegularFile(file) && Files.isRegularFile(digestFile)) {
                byte[] bytes = Files.readAllBytes(file);
                String recorded = Files.readString(digestFile).trim().split("\\s+")[0];
                String actual = sha256(bytes);
                if (!actual.equalsIgnoreCase(recorded)) {
                    throw new StackStartException("cached manifest " + file + " (from " + url + ") does not match the sha256 recorded"
                            + " when it was downloaded: recorded " + recorded + ", now " + actual + "; it was changed after download."
                            + " Delete " + file + " and " + digestFile.getFileName() + " to download it again");
                }
                return new CachedManifest(url, file, new String(bytes, StandardCharsets.UTF_8), actual, false);
            }
            byte[] bytes = downloader.download(url);
            String digest = sha256(bytes);
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
            try {
                Files.write(partial, bytes);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            Files.writeString(digestFile, digest + "  " + file.getFileName() + "\n");
            return new CachedManifest(url, file, new String(bytes, StandardCharsets.UTF_8), digest, true);
        } catch (IOException e) {
            throw new StackStartException("cannot get " + url + ": " + e.getMessage() + " (the cache " + directory
                    + " has no copy; download it there on a machine with access, keeping its .sha256)", e);
        }
    }

    Path fileFor(URI url) {
        Path file = directory.resolve(url.getHost());
        for (String segment : url.getPath().split("/")) {
            if (!segment.isEmpty() && !segment.equals(".") && !segment.equals("..")) {
                file = file.resolve(segment);
            }
        }
        return file;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
