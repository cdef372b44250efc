package org.oteltutorial.harness.stack.k3s;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker engine stand-in on a Unix socket: answers requests by {@code METHOD path-prefix} with canned replies, in
 * chunked encoding as dockerd does, and records every request line. Lets the probe run its real protocol without Docker.
 */
final class FakeDockerEngine implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    final Path socket;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Answer> routes = new LinkedHashMap<>();
    private final ServerSocketChannel server;
    private final Thread acceptor;

    FakeDockerEngine(Path socket) throws IOException {
        this.socket = socket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::serve, "fake-docker-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers requests whose {@code METHOD path} starts with the key; the first matching key wins. */
    FakeDockerEngine on(String methodAndPathPrefix, int status, String body) {
        synchronized (routes) {
            routes.put(methodAndPathPrefix, new Answer(status, body));
        }
        return this;
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String head = readRequest(client);
                String requestLine = head.substring(0, head.indexOf("\r\n"));
                String key = requestLine.substring(0, requestLine.lastIndexOf(' '));
                requests.add(key);
                Answer answer = route(key).orElse(new Answer(404, "{\"message\":\"page not found\"}"));
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                String response = "HTTP/1.1 " + answer.status() + " X\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + (body.length == 0 ? "" : Integer.toHexString(body.length) + "\r\n" + answer.body() + "\r\n") + "0\r\n\r\n";
                client.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return;
            }
        }
    }

    private Optional<Answer> route(String key) {
        synchronized (routes) {
            return routes.entrySet().stream().filter(e -> key.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
        }
    }

    private static String readRequest(SocketChannel client) throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (true) {
            String text = in.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                Matcher m = CONTENT_LENGTH.matcher(text.substring(0, end));
                int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
                if (text.length() >= end + 4 + length) {
                    return text;
                }
            }
            buffer.clear();
            if (client.read(buffer) < 0) {
                return in.toString(StandardCharsets.ISO_8859_1);
            }
            in.write(buffer.array(), 0, buffer.position());
        }
    }

    DockerHost host() {
        return new DockerHost(java.net.URI.create("unix://" + socket), Optional.of(socket), true);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
