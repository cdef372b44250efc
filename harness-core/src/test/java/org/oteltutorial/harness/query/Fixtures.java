package org.oteltutorial.harness.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;

/** Recorded upstream response bodies, canned responses, and decoding of what a client sent. */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/query/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /query/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Prometheus-style JSON response with the fixture as body. */
    static MockResponse json(int code, String fixture) {
        return response(code, "application/json", read(fixture));
    }

    /** A response as Go's {@code http.Error} writes it (Jaeger's errors): text/plain, whatever the body. */
    static MockResponse plainText(int code, String body) {
        return response(code, "text/plain; charset=utf-8", body);
    }

    static MockResponse response(int code, String contentType, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", contentType).body(body).build();
    }

    static OkHttpClient httpClient() {
        return new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    }

    /** A loopback URL on which nothing listens (the port was free a moment ago). */
    static String refusingUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes {@code a=1&b=2&b=3} (a query string or a form body) the way Go's {@code url.ParseQuery} does, with
     * '+' as space, independently of OkHttp; the order of the pairs is kept.
     */
    static List<Map.Entry<String, String>> decodeForm(String encoded) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return pairs;
    }
}
