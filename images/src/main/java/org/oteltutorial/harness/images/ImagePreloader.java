package org.oteltutorial.harness.images;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Saves the images a {@link PreloadPlan} preloads into tar archives, one per image, in a cache directory. An archive is
 * reused when the image's id recorded next to it ({@code <tar>.id}) is still the image's id in the store, so a
 * repeated run saves nothing.
 */
public final class ImagePreloader {

    private final ImageStore store;
    private final Path directory;
    private final Consumer<String> progress;

    public ImagePreloader(ImageStore store, Path directory, Consumer<String> progress) {
        this.store = store;
        this.directory = directory;
        this.progress = progress;
    }

    public List<PreloadedImage> export(PreloadPlan plan) {
        List<PreloadedImage> saved = new ArrayList<>();
        for (ImageDecision decision : plan.preload()) {
            saved.add(export(decision.image()));
        }
        return saved;
    }

    private PreloadedImage export(String image) {
        String id = store.imageId(image).orElseThrow(() -> new IllegalStateException(
                "image " + image + " was in the local Docker when the plan was made, but is gone now"));
        Path tar = directory.resolve(fileName(image));
        Path idFile = directory.resolve(fileName(image) + ".id");
        try {
            Files.createDirectories(directory);
            if (Files.isRegularFile(tar) && Files.isRegularFile(idFile) && Files.readString(idFile).trim().equals(id)) {
                return new PreloadedImage(image, id, tar, true);
            }
            progress.accept("  saving " + image + " for k3s (docker save)");
            Path partial = Files.createTempFile(directory, fileName(image), ".partial");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    store.save(image, out);
                }
                Files.move(partial, tar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            Files.writeString(idFile, id + "\n");
            return new PreloadedImage(image, id, tar, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save image " + image + " to " + tar + ": " + e.getMessage(), e);
        }
    }

    /** A file name for the image's archive: the reference with {@code / : @} replaced. */
    public static String fileName(String image) {
        return image.replaceAll("[/:@]", "_") + ".tar";
    }
}
