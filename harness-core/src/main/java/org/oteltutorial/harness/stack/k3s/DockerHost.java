package org.oteltutorial.harness.stack.k3s;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Docker engine is: {@code DOCKER_HOST}, else the first Unix socket that exists of
 * {@code /var/run/docker.sock}, {@code $XDG_RUNTIME_DIR/docker.sock} (rootless), {@code ~/.docker/run/docker.sock},
 * {@code ~/.docker/desktop/docker.sock} (Docker Desktop) and {@code ~/.rd/docker.sock} (Rancher Desktop).
 *
 * @param socket the Unix socket file, for {@code unix://} hosts
 * @param fromEnvironment set by {@code DOCKER_HOST}
 */
public record DockerHost(URI uri, Optional<Path> socket, boolean fromEnvironment) {

    static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    public static DockerHost resolve(Map<String, String> env, Path home) {
        String configured = env.get("DOCKER_HOST");
        if (configured != null && !configured.isBlank()) {
            URI uri = URI.create(configured.trim());
            return new DockerHost(uri, "unix".equals(uri.getScheme()) ? Optional.of(Path.of(uri.getPath())) : Optional.empty(), true);
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(DEFAULT_SOCKET));
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            candidates.add(Path.of(runtime, "docker.sock"));
        }
        candidates.add(home.resolve(".docker/run/docker.sock"));
        candidates.add(home.resolve(".docker/desktop/docker.sock"));
        candidates.add(home.resolve(".rd/docker.sock"));
        Path socket = candidates.stream().filter(Files::exists).findFirst().orElse(candidates.get(0));
        return new DockerHost(URI.create("unix://" + socket), Optional.of(socket), false);
    }

    public boolean isUnixSocket() {
        return socket.isPresent();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
