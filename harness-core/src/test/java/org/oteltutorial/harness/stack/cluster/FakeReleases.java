package org.oteltutorial.harness.stack.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Serves the release-manifest stand-ins from {@code k8s/releases/} by file name, and counts downloads. */
final class FakeReleases implements Downloader {

    final List<URI> downloads = new ArrayList<>();

    @Override
    public byte[] download(URI url) throws IOException {
        downloads.add(url);
        String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
        try (InputStream in = FakeReleases.class.getClassLoader().getResourceAsStream("k8s/releases/" + name)) {
            if (in == null) {
                throw new IOException("GET " + url + " answered HTTP 404");
            }
            return in.readAllBytes();
        }
    }
}
