package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.cluster.Downloader;

class TutorialDownloadTest {

    private static final String COMMIT = "f648f09f14260b67fdabd5a31a36d052c975613a";

    @TempDir
    Path cache;

    private final List<URI> requested = new ArrayList<>();

    /** A GitHub-shaped archive: one top-level folder, the commit in the zip comment. */
    private static byte[] archive() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setComment(COMMIT);
            zip.putNextEntry(new ZipEntry("tutorial-" + COMMIT + "/"));
            zip.putNextEntry(new ZipEntry("tutorial-" + COMMIT + "/06-RED-metrics.md"));
            zip.write("# RED metrics\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("tutorial-" + COMMIT + "/backend/06-collector.yaml"));
            zip.write("kind: OpenTelemetryCollector\n".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private Downloader serving(byte[] body) {
        return url -> {
            requested.add(url);
            return body;
        };
    }

    @Test
    void aCommitRefIsDownloadedOnceWithItsSha256AndReusedAfterVerifying() throws Exception {
        byte[] zip = archive();
        TutorialCheckout first = new TutorialDownload(cache, serving(zip)).fetch("https://github.com/owner/tutorial@" + COMMIT);

        assertThat(requested).containsExactly(URI.create("https://github.com/owner/tutorial/archive/" + COMMIT + ".zip"));
        assertThat(first.repository()).isEqualTo("owner/tutorial");
        assertThat(first.commit()).hasValue(COMMIT);
        assertThat(first.chapters()).extracting(p -> p.getFileName().toString()).containsExactly("06-RED-metrics.md");
        assertThat(Files.readString(first.dir().resolve("backend/06-collector.yaml"))).isEqualTo("kind: OpenTelemetryCollector\n");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(zip));
        assertThat(first.describe()).isEqualTo("the tutorial github.com/owner/tutorial@" + COMMIT + " at commit " + COMMIT
                + " (archive sha256 " + sha + ", downloaded to " + first.dir().resolveSibling("archive.zip") + ")");

        TutorialCheckout again = new TutorialDownload(cache, url -> {
            throw new IOException("offline");
        }).fetch("https://github.com/owner/tutorial@" + COMMIT);
        assertThat(again.describe()).contains("verified against the cached copy");
    }

    @Test
    void aBranchIsAMovingReferenceDownloadedEachTime() throws Exception {
        byte[] zip = archive();
        TutorialDownload download = new TutorialDownload(cache, serving(zip));
        download.fetch("https://github.com/owner/tutorial@main");
        TutorialCheckout checkout = download.fetch("https://github.com/owner/tutorial@main");

        assertThat(requested).hasSize(2);
        assertThat(checkout.commit()).hasValue(COMMIT);
        assertThat(checkout.describe()).endsWith("; main is a moving reference)");
    }

    @Test
    void withoutNetworkOrWithABadUrlItIsBadInput() {
        TutorialDownload offline = new TutorialDownload(cache, url -> {
            throw new IOException("github.com: Name or service not known");
        });
        assertThatThrownBy(() -> offline.fetch("https://github.com/owner/tutorial@main")).isInstanceOf(ManifestException.class)
                .hasMessage("https://github.com/owner/tutorial@main: cannot download https://github.com/owner/tutorial/archive/main.zip"
                        + " (github.com: Name or service not known); without network access use --tutorial DIR with a checkout");
        assertThatThrownBy(() -> offline.fetch("https://github.com/owner/tutorial")).isInstanceOf(ManifestException.class)
                .hasMessage("https://github.com/owner/tutorial: --tutorial takes a directory or https://github.com/OWNER/REPO@REF");
    }
}
