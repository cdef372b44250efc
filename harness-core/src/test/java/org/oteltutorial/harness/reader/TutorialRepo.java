package org.oteltutorial.harness.reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.oteltutorial.harness.tutorial.TutorialCheckout;

/**
 * A small tutorial-shaped repository written for the tests ({@code src/test/resources/tutorial-repo}): chapters with
 * shell blocks, a diff and an env block, and files in upstream shapes ({@code targetPort: 0}, v1alpha1 collector CRs).
 * Each test gets its own copy, so it can edit chapters as a maintainer would.
 */
public final class TutorialRepo {

    public static final String REPOSITORY = "pavolloffay/kubecon-eu-2024-opentelemetry-kubernetes-tracing-tutorial";
    public static final String RAW = "https://raw.githubusercontent.com/" + REPOSITORY + "/main/";

    private final Path dir;

    private TutorialRepo(Path dir) {
        this.dir = dir;
    }

    public static TutorialRepo copyTo(Path target) {
        try {
            Path source = Path.of(TutorialRepo.class.getClassLoader().getResource("tutorial-repo").toURI());
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return new TutorialRepo(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public TutorialCheckout checkout() {
        return TutorialCheckout.open(dir, REPOSITORY);
    }

    /** Replaces text in a file of the repository (it must occur). */
    public TutorialRepo edit(String file, String from, String to) {
        try {
            String text = Files.readString(dir.resolve(file));
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(dir.resolve(file), text.replace(from, to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the SPM backend's apply after the RED chapter's collector apply, the fix the harness suggests. */
    public TutorialRepo withSpmBackendApplied() {
        String apply = "kubectl apply -f " + RAW + "backend/06-collector.yaml\n";
        return edit("06-RED-metrics.md", apply, apply + "kubectl apply -f " + RAW + "backend/06-backend.yaml\n");
    }
}
