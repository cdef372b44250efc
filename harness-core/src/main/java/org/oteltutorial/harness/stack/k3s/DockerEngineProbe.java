package org.oteltutorial.harness.stack.k3s;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DockerProbe} on the Docker Engine API, through the HTTP client Testcontainers itself uses (docker-java's
 * zero-dependency transport) with a deadline per request. It does not go through Testcontainers'
 * {@code DockerClientFactory}, whose environment discovery can take minutes where Docker is absent or misconfigured.
 *
 * <p>The privileged check imports an empty image (no registry needed), creates a container from it with k3s's
 * privileges and an entrypoint that does not exist, and starts it: when the runtime gets as far as looking for the
 * entrypoint ({@code no such file or directory}), privileged containers work; an earlier failure (e.g. runc's
 * {@code unable to apply caps: operation not permitted}) is the reason they do not. The container and the image are
 * removed again.
 */
public final class DockerEngineProbe implements DockerProbe {

    static final String PROBE_IMAGE = "otel-tutorial-harness-probe:empty";
    private static final Duration QUICK = Duration.ofSeconds(5);
    private static final Duration REGISTRY = Duration.ofSeconds(8);

    private final DockerHost host;
    private final JsonMapper json = JsonMapper.builder().build();

    /** An answer of the engine: HTTP status and body. */
    record Reply(int status, String body) {
    }

    public DockerEngineProbe(DockerHost host) {
        this.host = host;
    }

    public static DockerEngineProbe fromEnvironment() {
        return new DockerEngineProbe(DockerHost.resolve(System.getenv(), java.nio.file.Path.of(System.getProperty("user.home"))));
    }

    @Override
    public String host() {
        return host.toString();
    }

    @Override
    public Engine engine() {
        if (host.socket().isPresent() && !Files.exists(host.socket().get())) {
            throw new Unavailable("there is no Docker socket at " + host.socket().get()
                    + (host.fromEnvironment() ? " (from DOCKER_HOST)" : " (DOCKER_HOST is not set)"));
        }
        try {
            Reply ping = call("GET", "/_ping", null, null, QUICK);
            if (ping.status() != 200) {
                throw new Unavailable("Docker at " + host + " answered /_ping with HTTP " + ping.status() + ": " + ping.body());
            }
            JsonNode info = json.readTree(call("GET", "/info", null, null, QUICK).body());
            List<String> options = new ArrayList<>();
            info.path("SecurityOptions").forEach(o -> options.add(o.asString()));
            return new Engine(info.path("ServerVersion").asString(""), info.path("Name").asString(""), options);
        } catch (RuntimeException e) {
            if (e instanceof Unavailable u) {
                throw u;
            }
            throw new Unavailable("Docker at " + host + " does not answer: " + root(e));
        }
    }

    @Override
    public boolean hasImage(String image) {
        return call("GET", "/images/" + image + "/json", null, null, QUICK).status() == 200;
    }

    @Override
    public Optional<String> registryProblem(String image) {
        try {
            Reply reply = call("GET", "/distribution/" + image + "/json", null, null, REGISTRY);
            return reply.status() == 200 ? Optional.empty() : Optional.of(message(reply));
        } catch (RuntimeException e) {
            return Optional.of("no answer within " + REGISTRY.toSeconds() + " s: " + root(e));
        }
    }

    @Override
    public Optional<String> privilegedProblem() {
        Reply imported = call("POST", "/images/create?fromSrc=-&repo=" + PROBE_IMAGE.replace(":", "&tag="), new byte[1024],
                "application/x-tar", QUICK);
        if (imported.status() != 200) {
            return Optional.empty(); // inconclusive: the probe image cannot be made, so let k3s itself try
        }
        String id = null;
        try {
            String spec = "{\"Image\":\"" + PROBE_IMAGE + "\",\"Entrypoint\":[\"/otel-tutorial-harness-probe\"],"
                    + "\"HostConfig\":{\"Privileged\":true,\"CgroupnsMode\":\"host\",\"Binds\":[\"/sys/fs/cgroup:/sys/fs/cgroup:rw\"]}}";
            Reply created = call("POST", "/containers/create", spec.getBytes(StandardCharsets.UTF_8), "application/json", QUICK);
            if (created.status() != 201) {
                return Optional.of("creating a privileged container failed: " + message(created));
            }
            id = json.readTree(created.body()).path("Id").asString();
            Reply started = call("POST", "/containers/" + id + "/start", null, null, QUICK);
            return interpretStart(started.status(), message(started));
        } finally {
            if (id != null) {
                call("DELETE", "/containers/" + id + "?force=1&v=1", null, null, QUICK);
            }
            call("DELETE", "/images/" + PROBE_IMAGE + "?force=1", null, null, QUICK);
        }
    }

    /** A start that fails only on the missing entrypoint means the privileged setup itself worked. */
    static Optional<String> interpretStart(int status, String message) {
        if (status == 204 || status == 304) {
            return Optional.empty();
        }
        String m = message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("no such file or directory") || m.contains("executable file not found") || m.contains("not found in $path")) {
            return Optional.empty();
        }
        return Optional.of(message);
    }

    private Reply call(String method, String path, byte[] body, String contentType, Duration timeout) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.valueOf(method))
                .path(path);
        if (body != null) {
            request.bodyBytes(body).putHeader("Content-Type", contentType);
        }
        try (DockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(host.uri()).connectionTimeout(timeout)
                .responseTimeout(timeout).build();
                DockerHttpClient.Response response = http.execute(request.build())) {
            return new Reply(response.getStatusCode(), new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        }
    }

    private String message(Reply reply) {
        try {
            JsonNode node = json.readTree(reply.body());
            if (node.path("message").isString()) {
                return node.path("message").asString();
            }
        } catch (JacksonException e) {
            // not JSON; quote the body
        }
        return "HTTP " + reply.status() + (reply.body().isBlank() ? "" : ": " + reply.body().strip());
    }

    private static String root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
