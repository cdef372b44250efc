package org.oteltutorial.harness.stack.k3s;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Just enough HTTP/1.1 to ask the Docker engine a question over its Unix socket (or plain TCP), with a hard deadline
 * per request: one request per connection ({@code Connection: close}), chunked or sized bodies. It keeps the quick
 * environment check free of Testcontainers' Docker discovery.
 */
final class EngineHttp {

    /** An answer: the status code and the body as text. */
    record Reply(int status, String body) {
    }

    private final SocketAddress address;
    private final StandardProtocolFamily family;

    EngineHttp(DockerHost host) {
        URI uri = host.uri();
        if (host.socket().isPresent()) {
            this.address = UnixDomainSocketAddress.of(host.socket().get());
            this.family = StandardProtocolFamily.UNIX;
        } else if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
            this.address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
            this.family = null;
        } else {
            throw new IllegalArgumentException("unsupported Docker host " + uri + " (expected unix:// or tcp://)");
        }
    }

    Reply call(String method, String path, byte[] body, String contentType, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder head = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: docker\r\nConnection: close\r\n");
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            request.writeBytes(body);
        }
        try (SocketChannel channel = family == null ? SocketChannel.open() : SocketChannel.open(family);
                Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(address)) {
                await(channel, selector, SelectionKey.OP_CONNECT, deadline);
                channel.finishConnect();
            }
            ByteBuffer out = ByteBuffer.wrap(request.toByteArray());
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    await(channel, selector, SelectionKey.OP_WRITE, deadline);
                }
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(16 * 1024);
            while (true) {
                int n = channel.read(in);
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    await(channel, selector, SelectionKey.OP_READ, deadline);
                    continue;
                }
                response.write(in.array(), 0, in.position());
                in.clear();
            }
            return parse(response.toByteArray());
        }
    }

    private static void await(SocketChannel channel, Selector selector, int op, long deadline) throws IOException {
        SelectionKey key = channel.register(selector, op);
        try {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0 || selector.select(left) == 0) {
                throw new IOException("timed out");
            }
            selector.selectedKeys().clear();
        } finally {
            key.cancel();
            selector.selectNow();
        }
    }

    static Reply parse(byte[] raw) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new IOException("incomplete HTTP response (" + raw.length + " bytes)");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + lines[0]);
        }
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].toLowerCase(Locale.ROOT);
            if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                chunked = true;
            }
        }
        int start = end + 4;
        byte[] body = chunked ? dechunk(raw, start) : java.util.Arrays.copyOfRange(raw, start, raw.length);
        return new Reply(Integer.parseInt(status[1]), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] raw, int from) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int pos = from;
        while (pos < raw.length) {
            int eol = indexOf(raw, new byte[] {'\r', '\n'}, pos);
            if (eol < 0) {
                throw new IOException("truncated chunked body");
            }
            String sizeLine = new String(raw, pos, eol - pos, StandardCharsets.US_ASCII);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                break;
            }
            int chunk = eol + 2;
            if (chunk + size > raw.length) {
                throw new IOException("truncated chunk");
            }
            body.write(raw, chunk, size);
            pos = chunk + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
