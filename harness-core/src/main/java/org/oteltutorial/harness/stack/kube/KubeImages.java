package org.oteltutorial.harness.stack.kube;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.oteltutorial.harness.images.ImageArchive;
import org.oteltutorial.harness.stack.StackStartException;

/**
 * The images the cluster runs, made here from the binaries (pause and CoreDNS from their module builds, the collector,
 * Prometheus and Jaeger from the local stack's builds), tagged with the names the manifests use and imported into
 * containerd, so the kubelet never pulls. Entrypoints and binary paths are those of the upstream images.
 */
final class KubeImages {

    private final Path archives;
    private final Path jibCache;
    private final Consumer<String> progress;

    KubeImages(Path archives, Path jibCache, Consumer<String> progress) {
        this.archives = archives;
        this.jibCache = jibCache;
        this.progress = progress;
    }

    static ImageArchive pause(String name, Path binary) {
        return new ImageArchive(name, binary, "/pause", List.of(), null);
    }

    static ImageArchive coredns(String name, Path binary) {
        return new ImageArchive(name, binary, "/coredns", List.of(), null);
    }

    static ImageArchive collector(String name, Path binary) {
        return new ImageArchive(name, binary, "/otelcol-contrib", List.of("--config", "/etc/otelcol-contrib/config.yaml"), null);
    }

    static ImageArchive prometheus(String name, Path binary) {
        return new ImageArchive(name, binary, "/bin/prometheus", List.of("--config.file=/etc/prometheus/prometheus.yml",
                "--storage.tsdb.path=/prometheus"), "/prometheus");
    }

    static ImageArchive jaeger(String name, Path binary) {
        return new ImageArchive(name, binary, "/go/bin/all-in-one-linux", List.of(), null);
    }

    /** Writes each archive (cached by binary) and imports it into containerd; returns them with their digests. */
    List<ImageArchive.Written> importAll(List<ImageArchive> images, Path containerdSocket) {
        List<ImageArchive.Written> written = new ArrayList<>();
        for (ImageArchive image : images) {
            written.add(image.writeTo(archives, jibCache));
        }
        progress.accept("importing " + written.size() + " images into containerd: "
                + String.join(", ", written.stream().map(ImageArchive.Written::name).toList()));
        for (ImageArchive.Written w : written) {
            HostCommand.Result imported = HostCommand.run(List.of("ctr", "--address", containerdSocket.toString(), "-n", "k8s.io",
                    "images", "import", w.tar().toString()));
            if (!imported.ok()) {
                throw new StackStartException("ctr images import " + w.tar() + " failed: " + imported.output().strip());
            }
        }
        return written;
    }
}
