package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a cluster changed on the host and must undo: the programs it started (PIDs, in start order), its state
 * directory, containerd socket and CNI bridge, the host paths and cgroups that did not exist before it started, and the
 * sysctls' original values. Written to {@code <report>/kube/cluster.json} as the cluster starts, so
 * {@code ./harness down} can stop a kept cluster from another process.
 */
record KubeHostRecord(String stateDir, String containerdSocket, String bridge, List<Long> pids, List<String> createdPaths,
        List<String> createdCgroups, Map<String, String> sysctls) {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    KubeHostRecord {
        pids = List.copyOf(pids);
        createdPaths = List.copyOf(createdPaths);
        createdCgroups = List.copyOf(createdCgroups);
        sysctls = Map.copyOf(new LinkedHashMap<>(sysctls));
    }

    KubeHostRecord withPid(long pid) {
        List<Long> more = new ArrayList<>(pids);
        more.add(pid);
        return new KubeHostRecord(stateDir, containerdSocket, bridge, more, createdPaths, createdCgroups, sysctls);
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, JSON.writeValueAsString(this));
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KubeHostRecord read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), KubeHostRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
