package org.oteltutorial.harness.stack.k3s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link DockerProbe} with scripted answers, recording which registries it was asked about. */
final class FakeProbe implements DockerProbe {

    Engine engine = new Engine("27.3.1", "build-host", List.of("name=seccomp,profile=default"));
    String unavailable;
    final Set<String> images = new HashSet<>();
    final Map<String, String> registryProblems = new HashMap<>();
    final List<String> registryQuestions = new ArrayList<>();
    String privilegedProblem;

    @Override
    public String host() {
        return "unix:///var/run/docker.sock";
    }

    @Override
    public Engine engine() {
        if (unavailable != null) {
            throw new Unavailable(unavailable);
        }
        return engine;
    }

    @Override
    public boolean hasImage(String image) {
        return images.contains(image);
    }

    @Override
    public Optional<String> registryProblem(String image) {
        registryQuestions.add(image);
        return Optional.ofNullable(registryProblems.get(image));
    }

    @Override
    public Optional<String> privilegedProblem() {
        return Optional.ofNullable(privilegedProblem);
    }
}
