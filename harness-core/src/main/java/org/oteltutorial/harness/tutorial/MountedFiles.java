package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Optional;

/** Finds the ConfigMap entry behind a file path inside a container, through its volume mounts. */
public final class MountedFiles {

    private final Manifests manifests;

    public MountedFiles(Manifests manifests) {
        this.manifests = manifests;
    }

    public Optional<ConfigFile> find(Workload workload, Container container, String rawPath) {
        String path = rawPath.startsWith("file:") ? rawPath.substring("file:".length()) : rawPath;
        if (container.getVolumeMounts() == null) {
            return Optional.empty();
        }
        for (VolumeMount mount : container.getVolumeMounts()) {
            String mountPath = mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
            String relative;
            if (mount.getSubPath() != null && !mount.getSubPath().isEmpty()) {
                if (!path.equals(mount.getMountPath())) {
                    continue;
                }
                relative = mount.getSubPath();
            } else if (path.startsWith(mountPath)) {
                relative = path.substring(mountPath.length());
            } else {
                continue;
            }
            Optional<ConfigFile> file = volume(workload, mount.getName()).flatMap(v -> fromVolume(workload, v, relative, path));
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    private static Optional<Volume> volume(Workload workload, String name) {
        return workload.volumes().stream().filter(v -> name.equals(v.getName())).findFirst();
    }

    private Optional<ConfigFile> fromVolume(Workload workload, Volume volume, String relative, String path) {
        if (volume.getConfigMap() == null) {
            return Optional.empty();
        }
        String cmName = volume.getConfigMap().getName();
        String key = relative;
        if (volume.getConfigMap().getItems() != null && !volume.getConfigMap().getItems().isEmpty()) {
            key = volume.getConfigMap().getItems().stream().filter(i -> relative.equals(i.getPath()))
                    .map(KeyToPath::getKey).findFirst().orElse(null);
            if (key == null) {
                return Optional.empty();
            }
        }
        String finalKey = key;
        return manifests.ofType(ConfigMap.class).stream()
                .filter(r -> r.namespace().equals(workload.namespace()) && r.name().equals(cmName))
                .findFirst()
                .flatMap(r -> {
                    ConfigMap cm = (ConfigMap) r.resource();
                    String text = cm.getData() == null ? null : cm.getData().get(finalKey);
                    return Optional.ofNullable(text).map(t -> new ConfigFile(path,
                            "ConfigMap " + r.namespace() + "/" + cmName + " key " + finalKey, r, t));
                });
    }
}
