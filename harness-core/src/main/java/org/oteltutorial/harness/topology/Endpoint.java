package org.oteltutorial.harness.topology;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An address as configs write it: {@code host:port}, or a URL whose port may be implied by its scheme.
 *
 * @param scheme {@code http}, {@code https}, or empty for a bare {@code host:port}
 * @param path the URL path, empty for {@code host:port}
 */
public record Endpoint(String raw, String scheme, String host, OptionalInt port, String path) {

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443);

    public static Endpoint parse(String raw) {
        String text = raw.trim();
        if (text.contains("://")) {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                int port = uri.getPort() >= 0 ? uri.getPort() : DEFAULT_PORTS.getOrDefault(scheme, -1);
                String host = uri.getHost() == null ? "" : uri.getHost();
                return new Endpoint(raw, scheme, host, port < 0 ? OptionalInt.empty() : OptionalInt.of(port),
                        uri.getRawPath() == null ? "" : uri.getRawPath());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + raw + " (" + e.getReason() + ")");
            }
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return new Endpoint(raw, "", text, OptionalInt.empty(), "");
        }
        String host = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        try {
            return new Endpoint(raw, "", host, OptionalInt.of(Integer.parseInt(portText)), "");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not host:port: " + raw);
        }
    }

    /** The same endpoint pointed at another host and port, keeping the scheme and path. */
    public String rewrite(String newHost, int newPort) {
        if (scheme.isEmpty()) {
            return newHost + ":" + newPort;
        }
        return scheme + "://" + newHost + ":" + newPort + path;
    }

    public boolean isLoopback() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    public boolean isWildcard() {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }
}
