package org.oteltutorial.harness.tutorial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A checkout of the tutorial repository as found on disk (its working tree counts, committed or not): its chapters
 * ({@code NN-*.md} at the top level, in name order), the GitHub repository it is, and the commit it is at.
 *
 * @param repository {@code owner/name}; from the {@code origin} remote when it is a GitHub URL, else the pinned one
 * @param commit the checked-out commit, when {@code dir} is a git work tree
 * @param fetched how it was obtained, when the harness downloaded it ({@code URL@REF sha256 …}), else empty
 */
public record TutorialCheckout(Path dir, String repository, Optional<String> commit, Optional<String> fetched) {

    private static final Pattern CHAPTER = Pattern.compile("\\d\\d-[^/]*\\.md");
    private static final Pattern GITHUB_REMOTE = Pattern.compile("github\\.com[:/]([^/]+)/([^/]+?)(\\.git)?/?$");
    private static final long GIT_SECONDS = 5;

    /** @throws ManifestException when {@code dir} holds no chapter files, so it is no tutorial checkout */
    public static TutorialCheckout open(Path dir, String pinnedRepository) {
        if (!Files.isDirectory(dir)) {
            throw new ManifestException(dir + ": no such directory (--tutorial takes a checkout of the tutorial repository)");
        }
        TutorialCheckout checkout = new TutorialCheckout(dir.toAbsolutePath().normalize(),
                git(dir, "config", "--get", "remote.origin.url").flatMap(TutorialCheckout::githubRepository).orElse(pinnedRepository),
                isWorkTreeRoot(dir) ? git(dir, "rev-parse", "HEAD") : Optional.empty(), Optional.empty());
        if (checkout.chapters().isEmpty()) {
            throw new ManifestException(dir + " is not a tutorial checkout: it has no chapter files (NN-title.md) at its top level");
        }
        return checkout;
    }

    public TutorialCheckout withFetched(String how) {
        return new TutorialCheckout(dir, repository, commit, Optional.of(how));
    }

    public List<Path> chapters() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> CHAPTER.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new ManifestException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** How reports name this source. */
    public String describe() {
        String at = commit.map(c -> " at commit " + c.substring(0, Math.min(12, c.length())) + " (its working tree as found)")
                .orElse(" (not a git work tree)");
        return fetched.map(f -> "the tutorial " + f).orElse("the tutorial checkout " + dir + at);
    }

    /** A directory inside some other repository's work tree has no commit of its own. */
    private static boolean isWorkTreeRoot(Path dir) {
        return git(dir, "rev-parse", "--show-toplevel").map(top -> {
            try {
                return Path.of(top).toRealPath().equals(dir.toRealPath());
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    static Optional<String> githubRepository(String remote) {
        Matcher m = GITHUB_REMOTE.matcher(remote.trim());
        return m.find() ? Optional.of(m.group(1) + "/" + m.group(2)) : Optional.empty();
    }

    private static Optional<String> git(Path dir, String... args) {
        try {
            Process p = new ProcessBuilder(Stream.concat(Stream.of("git", "-C", dir.toString()), Stream.of(args)).toList())
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
