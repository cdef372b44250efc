package org.oteltutorial.harness.stack.k3s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.tutorial.ImageRef;

/**
 * Whether this machine can run the k3s stack, answered in seconds from a {@link DockerProbe}: Docker answers, it is not
 * rootless, it can start privileged containers, the k3s image is local or its registry answers, Testcontainers' Ryuk
 * image likewise (unless {@code TESTCONTAINERS_RYUK_DISABLED=true}), and Testcontainers will reach the container's
 * mapped ports. Every problem found is reported at once, each with what to do.
 *
 * <p>Testcontainers reads {@code TESTCONTAINERS_RYUK_DISABLED} and {@code TESTCONTAINERS_HOST_OVERRIDE} only from the
 * process environment (not from {@code testcontainers.properties}), so the harness cannot set them for itself; it checks
 * the conditions under which their absence makes Testcontainers hang, and says to set them.
 */
public final class K3sEnvironmentCheck {

    /** The image Testcontainers 2.0.5 starts for Ryuk (its {@code RyukContainer}). */
    public static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";

    private final DockerProbe probe;
    private final String k3sImage;
    private final Map<String, String> env;
    private final boolean inContainer;
    private final String hostname;

    /**
     * @param inContainer this JVM runs inside a container ({@code /.dockerenv} exists), as Testcontainers judges it
     * @param hostname this machine's host name, to tell whether Docker runs inside this very container
     */
    public K3sEnvironmentCheck(DockerProbe probe, String k3sImage, Map<String, String> env, boolean inContainer, String hostname) {
        this.probe = probe;
        this.k3sImage = k3sImage;
        this.env = Map.copyOf(env);
        this.inContainer = inContainer;
        this.hostname = hostname;
    }

    /** @throws EnvironmentException listing every problem, each with the fix */
    public void run() {
        List<String> problems = problems();
        if (problems.size() == 1) {
            throw new EnvironmentException("the k3s stack cannot run here: " + problems.get(0));
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("the k3s stack cannot run here:");
            for (int i = 0; i < problems.size(); i++) {
                message.append(" (").append(i + 1).append(") ").append(problems.get(i));
            }
            throw new EnvironmentException(message.toString());
        }
    }

    public List<String> problems() {
        if (env.containsKey("DOCKER_TLS_VERIFY") && !env.get("DOCKER_TLS_VERIFY").isBlank()) {
            return List.of(); // the quick probe does not speak TLS; Testcontainers will find out
        }
        DockerProbe.Engine engine;
        try {
            engine = probe.engine();
        } catch (DockerProbe.Unavailable e) {
            return List.of("Docker is not reachable: " + e.getMessage() + ". Start the Docker engine (e.g. `sudo dockerd`,"
                    + " Docker Desktop) or point DOCKER_HOST at one");
        }
        List<String> problems = new ArrayList<>();
        if (engine.rootless()) {
            problems.add("Docker runs rootless (" + probe.host() + "), and k3s needs privileged containers, which rootless"
                    + " Docker cannot give; use a rootful Docker engine");
        }
        probe.privilegedProblem().ifPresent(reason -> problems.add("Docker cannot start privileged containers, which k3s needs"
                + " (the engine said: " + reason + "). Run on a Docker engine that allows --privileged (not inside an"
                + " unprivileged container, not rootless), or use --stack cluster with an existing cluster"));
        Map<String, String> registries = new HashMap<>();
        if (!probe.hasImage(k3sImage)) {
            registryProblem(k3sImage, registries).ifPresent(reason -> problems.add("image " + k3sImage + " is not in the local"
                    + " Docker and no registry is reachable (" + reason + "); load it with `docker load` (e.g. from `docker save "
                    + k3sImage + "` on a machine with registry access) or run on a machine with registry access"));
        }
        if (!"true".equalsIgnoreCase(env.getOrDefault("TESTCONTAINERS_RYUK_DISABLED", "").trim())) {
            String ryuk = env.getOrDefault("TESTCONTAINERS_RYUK_CONTAINER_IMAGE", RYUK_IMAGE);
            if (!probe.hasImage(ryuk)) {
                registryProblem(ryuk, registries).ifPresent(reason -> problems.add("Testcontainers' resource reaper image " + ryuk
                        + " is not in the local Docker and cannot be pulled (" + reason + "); set TESTCONTAINERS_RYUK_DISABLED=true"
                        + " (the harness removes its k3s container itself) or load that image"));
            }
        }
        String override = env.getOrDefault("TESTCONTAINERS_HOST_OVERRIDE", "");
        if (inContainer && probe.host().startsWith("unix:") && override.isBlank() && engine.name().equals(hostname)) {
            problems.add("Docker runs inside this container (" + probe.host() + ", engine host '" + engine.name() + "'), where"
                    + " Testcontainers would look for k3s's mapped ports on the Docker bridge gateway and wait for minutes;"
                    + " set TESTCONTAINERS_HOST_OVERRIDE=localhost");
        }
        return problems;
    }

    /** Asks the engine per image, except that a registry found unreachable is not asked again. */
    private Optional<String> registryProblem(String image, Map<String, String> unreachable) {
        String registry = ImageRef.parse(image).registry();
        if (unreachable.containsKey(registry)) {
            return Optional.of(unreachable.get(registry));
        }
        Optional<String> problem = probe.registryProblem(image);
        problem.filter(K3sEnvironmentCheck::isUnreachable).ifPresent(p -> unreachable.put(registry, p));
        return problem;
    }

    static boolean isUnreachable(String problem) {
        String p = problem.toLowerCase(java.util.Locale.ROOT);
        return p.contains("dial tcp") || p.contains("no such host") || p.contains("no answer within") || p.contains("timeout")
                || p.contains("connection refused") || p.contains("network is unreachable");
    }
}
