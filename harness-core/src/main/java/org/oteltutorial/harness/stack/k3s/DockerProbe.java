package org.oteltutorial.harness.stack.k3s;

import java.util.List;
import java.util.Optional;

/**
 * Quick questions to the Docker engine, each answered within seconds (never after a pull timeout). The environment
 * check asks them before anything slow starts; tests answer them with a fake.
 */
public interface DockerProbe {

    /** Where the engine is expected, e.g. {@code unix:///var/run/docker.sock}. */
    String host();

    /**
     * Whether the engine answers, and what it says about itself.
     *
     * @throws Unavailable with the reason, when it does not
     */
    Engine engine();

    boolean hasImage(String image);

    /** Empty when the engine can get the image's manifest from its registry; otherwise the engine's reason. */
    Optional<String> registryProblem(String image);

    /**
     * Empty when the engine can start a privileged container the way {@code K3sContainer} starts k3s (privileged,
     * host cgroup namespace, {@code /sys/fs/cgroup} bound); otherwise the engine's error.
     */
    Optional<String> privilegedProblem();

    /**
     * What the engine says about itself.
     *
     * @param name the engine host's name ({@code docker info} Name)
     * @param securityOptions e.g. {@code name=seccomp,profile=default}, {@code name=rootless}
     */
    record Engine(String version, String name, List<String> securityOptions) {

        public Engine {
            securityOptions = List.copyOf(securityOptions);
        }

        public boolean rootless() {
            return securityOptions.stream().anyMatch(o -> o.contains("name=rootless"));
        }
    }

    /** The engine does not answer. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }
}
