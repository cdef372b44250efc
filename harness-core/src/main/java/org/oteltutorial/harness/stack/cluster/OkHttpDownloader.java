package org.oteltutorial.harness.stack.cluster;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Downloads over HTTPS, following redirects (GitHub release assets redirect to a CDN). */
public final class OkHttpDownloader implements Downloader {

    private final OkHttpClient http;

    public OkHttpDownloader() {
        this(new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofMinutes(2))
                .followRedirects(true).followSslRedirects(true).build());
    }

    public OkHttpDownloader(OkHttpClient http) {
        this.http = http;
    }

    @Override
    public byte[] download(URI url) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url.toString()).get().build()).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new IOException("GET " + url + " answered HTTP " + response.code());
            }
            return body.bytes();
        }
    }
}
