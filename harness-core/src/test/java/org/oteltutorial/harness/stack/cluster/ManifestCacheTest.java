package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oteltutorial.harness.stack.StackStartException;

class ManifestCacheTest {

    private static final URI CERT_MANAGER = URI.create("https://github.com/cert-manager/cert-manager/releases/download/v1.11.0/cert-manager.yaml");

    @TempDir
    Path dir;

    private final FakeReleases releases = new FakeReleases();

    @Test
    void downloadsOnceRecordsTheSha256AndReusesTheVerifiedCopy() throws IOException {
        ManifestCache cache = new ManifestCache(dir, releases);

        CachedManifest first = cache.get(CERT_MANAGER);
        CachedManifest second = cache.get(CERT_MANAGER);

        Path file = dir.resolve("github.com/cert-manager/cert-manager/releases/download/v1.11.0/cert-manager.yaml");
        assertThat(first.downloaded()).isTrue();
        assertThat(first.file()).isEqualTo(file);
        assertThat(first.sha256()).isEqualTo(ManifestCache.sha256(Files.readAllBytes(file)));
        assertThat(file.resolveSibling("cert-manager.yaml.sha256")).hasContent(first.sha256() + "  cert-manager.yaml");
        assertThat(second.downloaded()).isFalse();
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(releases.downloads).containsExactly(CERT_MANAGER);
    }

    @Test
    void aCachedCopyChangedAfterDownloadIsDetectedAndNotUsed() throws IOException {
        ManifestCache cache = new ManifestCache(dir, releases);
        CachedManifest original = cache.get(CERT_MANAGER);
        Files.writeString(original.file(), original.text().replace("quay.io/jetstack", "evil.example/jetstack"));

        assertThatThrownBy(() -> cache.get(CERT_MANAGER))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("does not match the sha256 recorded when it was downloaded: recorded " + original.sha256())
                .hasMessageContaining("Delete " + original.file());
        assertThat(releases.downloads).hasSize(1);
    }

    @Test
    void aCopyWithoutItsRecordedDigestIsDownloadedAgain() throws IOException {
        ManifestCache cache = new ManifestCache(dir, releases);
        CachedManifest original = cache.get(CERT_MANAGER);
        Files.delete(original.file().resolveSibling("cert-manager.yaml.sha256"));

        assertThat(cache.get(CERT_MANAGER).downloaded()).isTrue();
        assertThat(releases.downloads).hasSize(2);
    }

    @Test
    void aFailedDownloadSaysWhereTheCacheIs() {
        ManifestCache cache = new ManifestCache(dir, url -> {
            throw new IOException("github.com: Name or service not known");
        });

        assertThatThrownBy(() -> cache.get(CERT_MANAGER))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("cannot get " + CERT_MANAGER + ": github.com: Name or service not known")
                .hasMessageContaining("the cache " + dir + " has no copy");
    }

    @Test
    void urlPathsCannotEscapeTheCache() {
        ManifestCache cache = new ManifestCache(dir, releases);

        assertThat(cache.fileFor(URI.create("https://example.com/a/../../b.yaml"))).isEqualTo(dir.resolve("example.com/a/b.yaml"));
    }
}
