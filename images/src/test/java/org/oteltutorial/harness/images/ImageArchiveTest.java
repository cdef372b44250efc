package org.oteltutorial.harness.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArchiveTest {

    @TempDir
    Path dir;

    @Test
    void writesATaggedArchiveWhoseDigestsDependOnlyOnTheBinary() throws IOException {
        Path binary = Files.writeString(dir.resolve("prometheus"), "not really prometheus");
        ImageArchive image = new ImageArchive("quay.io/prometheus/prometheus:v2.47.2", binary, "/bin/prometheus",
                List.of("--config.file=/etc/prometheus/prometheus.yml"), "/prometheus");

        ImageArchive.Written first = image.writeTo(dir.resolve("a"), dir.resolve("jib"));
        ImageArchive.Written again = image.writeTo(dir.resolve("b"), dir.resolve("jib"));

        assertThat(first.digest()).startsWith("sha256:").hasSize(71).isEqualTo(again.digest());
        assertThat(first.imageId()).startsWith("sha256:").isEqualTo(again.imageId());
        assertThat(entries(first.tar())).contains("manifest.json");
        assertThat(Files.readString(first.tar().resolveSibling(first.tar().getFileName() + ".digests")))
                .isEqualTo(first.digest() + "\n" + first.imageId() + "\n");
    }

    @Test
    void anArchiveNewerThanItsBinaryIsReused() throws IOException {
        Path binary = Files.writeString(dir.resolve("pause"), "pause");
        ImageArchive image = new ImageArchive("registry.k8s.io/pause:3.9", binary, "/pause", List.of(), null);
        ImageArchive.Written first = image.writeTo(dir.resolve("out"), dir.resolve("jib"));
        var written = Files.getLastModifiedTime(first.tar());

        ImageArchive.Written second = image.writeTo(dir.resolve("out"), dir.resolve("jib"));

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second.tar())).isEqualTo(written);
    }

    private static List<String> entries(Path tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream archive = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
