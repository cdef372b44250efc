package org.oteltutorial.harness.stack.cluster;

import java.io.IOException;
import java.net.URI;

/** Fetches a release manifest (OkHttp in production, a fake in tests). */
@FunctionalInterface
public interface Downloader {

    byte[] download(URI url) throws IOException;
}
