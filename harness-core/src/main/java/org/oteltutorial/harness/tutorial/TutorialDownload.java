package org.oteltutorial.harness.tutorial;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.oteltutorial.harness.stack.cluster.Downloader;

/**
 * {@code https://github.com/OWNER/REPO@REF}: the repository's archive at REF, downloaded at run time into
 * {@code <cache>/tutorials/}, its sha256 recorded beside it. A commit ref is downloaded once and re-verified against
 * the recorded sha256 afterwards; a branch or tag is downloaded on every use, since what it names can move.
 */
public final class TutorialDownload {

    private static final Pattern URL = Pattern.compile("^https://github\\.com/([\\w.-]+)/([\\w.-]+?)(?:\\.git)?@([\\w./-]+)$");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private final Path cache;
    private final Downloader downloader;

    public TutorialDownload(Path cache, Downloader downloader) {
        this.cache = cache;
        this.downloader = downloader;
    }

    public static boolean isUrl(String source) {
        return source.startsWith("https://") || source.startsWith("http://");
    }

    /** @throws ManifestException when the URL is not of that form, or the archive cannot be downloaded or read */
    public TutorialCheckout fetch(String source) {
        Matcher m = URL.matcher(source);
        if (!m.matches()) {
            throw new ManifestException(source + ": --tutorial takes a directory or https://github.com/OWNER/REPO@REF");
        }
        String repository = m.group(1) + "/" + m.group(2);
        String ref = m.group(3);
        Path dir = cache.resolve("tutorials").resolve(m.group(1) + "+" + m.group(2) + "@" + ref.replace('/', '+'));
        Path archive = dir.resolve("archive.zip");
        Path digestFile = dir.resolve("archive.zip.sha256");
        Path tree = dir.resolve("tree");
        URI url = URI.create("https://github.com/" + repository + "/archive/" + ref + ".zip");
        try {
            boolean reuse = COMMIT.matcher(ref).matches() && Files.isRegularFile(archive) && Files.isRegularFile(digestFile)
                    && Files.isDirectory(tree);
            String digest;
            String how;
            if (reuse) {
                digest = sha256(Files.readAllBytes(archive));
                String recorded = Files.readString(digestFile).trim();
                if (!digest.equals(recorded)) {
                    throw new ManifestException(archive + " does not match the sha256 recorded when it was downloaded (" + recorded
                            + "); delete " + dir + " to download it again");
                }
                how = "verified against the cached copy";
            } else {
                byte[] bytes = download(source, url);
                digest = sha256(bytes);
                Files.createDirectories(dir);
                Path partial = Files.createTempFile(dir, "archive", ".partial");
                Files.write(partial, bytes);
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(digestFile, digest + "\n");
                extract(archive, tree);
                how = "downloaded";
            }
            Optional<String> commit = commitOf(archive).or(() -> COMMIT.matcher(ref).matches() ? Optional.of(ref) : Optional.empty());
            String moving = COMMIT.matcher(ref).matches() ? "" : "; " + ref + " is a moving reference";
            return new TutorialCheckout(tree, repository, commit, Optional.of("github.com/" + repository + "@" + ref
                    + commit.map(c -> " at commit " + c).orElse("") + " (archive sha256 " + digest + ", " + how + " to " + archive + moving + ")"));
        } catch (IOException e) {
            throw new ManifestException(source + ": cannot store the tutorial under " + dir + ": " + e.getMessage(), e);
        }
    }

    private byte[] download(String source, URI url) {
        try {
            return downloader.download(url);
        } catch (IOException e) {
            throw new ManifestException(source + ": cannot download " + url + " (" + e.getMessage() + "); without network access use"
                    + " --tutorial DIR with a checkout");
        }
    }

    /** GitHub writes the commit of an archive into the zip's comment. */
    private static Optional<String> commitOf(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            String comment = zip.getComment();
            return comment != null && COMMIT.matcher(comment.trim()).matches() ? Optional.of(comment.trim()) : Optional.empty();
        }
    }

    /** Unpacks the archive without its single top-level folder. */
    private static void extract(Path archive, Path tree) throws IOException {
        if (Files.exists(tree)) {
            try (var walk = Files.walk(tree)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(tree);
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = tree.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(tree)) {
                    throw new IOException("archive entry " + name + " points outside the tree");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ManifestException(archive + " is not a zip archive: " + e.getMessage());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
