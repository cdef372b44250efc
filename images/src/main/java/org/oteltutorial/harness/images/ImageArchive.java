package org.oteltutorial.harness.images;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * An image archive made from one static binary, without a registry or a Docker daemon: Jib writes a
 * {@code docker load}/{@code ctr images import} tarball tagged with the exact name the manifests use. The binary sits at
 * the path the upstream image has it, with the upstream entrypoint; an empty world-writable {@code /tmp} is added,
 * since a static binary's image has no other files. Jib's timestamps are fixed, so the same binary gives the same
 * digest; an archive newer than its binary is reused.
 *
 * @param name the image name and tag, e.g. {@code quay.io/prometheus/prometheus:v2.47.2}
 * @param binary the static binary
 * @param path where the binary lives in the image, e.g. {@code /bin/prometheus}
 * @param arguments the image's default arguments (a pod's {@code args} replace them)
 * @param workingDirectory the image's working directory, or null for {@code /}
 */
public record ImageArchive(String name, Path binary, String path, List<String> arguments, String workingDirectory) {

    /** A written archive, with the digests containerd will show for it. */
    public record Written(String name, Path tar, String digest, String imageId) {
    }

    public ImageArchive {
        arguments = List.copyOf(arguments);
    }

    /** Writes the archive into {@code dir} (reusing one written before from the same binary), returning its digests. */
    public Written writeTo(Path dir, Path jibCache) {
        String file = name.replaceAll("[^A-Za-z0-9._-]", "_") + ".tar";
        Path tar = dir.resolve(file);
        Path digests = dir.resolve(file + ".digests");
        try {
            if (Files.isRegularFile(digests) && Files.isRegularFile(tar)
                    && Files.getLastModifiedTime(tar).compareTo(Files.getLastModifiedTime(binary)) > 0) {
                List<String> lines = Files.readAllLines(digests);
                if (lines.size() == 2) {
                    return new Written(name, tar, lines.get(0), lines.get(1));
                }
            }
            Files.createDirectories(dir);
            Path empty = Files.createDirectories(jibCache.resolve("empty-dir"));
            JibContainerBuilder builder = Jib.fromScratch()
                    .addFileEntriesLayer(FileEntriesLayer.builder().setName("binary")
                            .addEntry(binary, AbsoluteUnixPath.get(path), FilePermissions.fromOctalString("755")).build())
                    .addFileEntriesLayer(FileEntriesLayer.builder().setName("tmp")
                            .addEntry(empty, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777")).build())
                    .setEntrypoint(path)
                    .setProgramArguments(arguments)
                    .setEnvironment(Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
            if (workingDirectory != null) {
                builder.setWorkingDirectory(AbsoluteUnixPath.get(workingDirectory));
            }
            Path partial = dir.resolve(file + ".partial");
            JibContainer container = builder.containerize(Containerizer.to(TarImage.at(partial).named(ImageReference.parse(name)))
                    .setBaseImageLayersCache(jibCache.resolve("base")).setApplicationLayersCache(jibCache.resolve("app")));
            Files.move(partial, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Written written = new Written(name, tar, container.getDigest().toString(), container.getImageId().toString());
            Files.write(digests, List.of(written.digest(), written.imageId()));
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the image archive " + tar, e);
        } catch (InvalidImageReferenceException | CacheDirectoryCreationException | RegistryException | ExecutionException e) {
            throw new IllegalStateException("cannot write the image archive " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("writing the image archive " + name + " was interrupted", e);
        }
    }
}
