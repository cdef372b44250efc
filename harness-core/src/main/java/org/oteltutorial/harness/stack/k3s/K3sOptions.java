package org.oteltutorial.harness.stack.k3s;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.oteltutorial.harness.images.BinaryCache;
import org.oteltutorial.harness.stack.cluster.ApplyTimeouts;

/**
 * How the k3s stack is made. Defaults: {@value #DEFAULT_IMAGE} (Kubernetes 1.29, the newest minor the operator v0.94.0
 * supports; from v1.29.13+k3s1 on, k3s also imports images copied in while it runs), traefik and metrics-server
 * disabled, preloading on, caches below {@code $HARNESS_CACHE} (else {@code ~/.cache/otel-tutorial-harness}).
 */
public record K3sOptions(String image, List<String> disabledComponents, Duration startupTimeout, Duration clusterReadyTimeout,
        boolean preloadImages, Path cacheRoot, ApplyTimeouts applyTimeouts) {

    public static final String DEFAULT_IMAGE = "rancher/k3s:v1.29.13-k3s1";

    /** Where k3s imports image archives at boot. */
    public static final String IMAGE_IMPORT_DIR = "/var/lib/rancher/k3s/agent/images/";

    /** k3s's own images worth preloading when the host's Docker has them (any tag). */
    public static final List<String> SYSTEM_IMAGE_PREFIXES = List.of("rancher/mirrored-", "rancher/local-path-provisioner",
            "rancher/klipper-");

    public K3sOptions {
        disabledComponents = List.copyOf(disabledComponents);
    }

    public static K3sOptions defaults() {
        return new K3sOptions(DEFAULT_IMAGE, List.of("traefik", "metrics-server"), Duration.ofMinutes(3), Duration.ofMinutes(2), true,
                BinaryCache.fromEnvironment().root(), ApplyTimeouts.defaults());
    }

    public K3sOptions withImage(String image) {
        return new K3sOptions(image, disabledComponents, startupTimeout, clusterReadyTimeout, preloadImages, cacheRoot, applyTimeouts);
    }

    public K3sOptions withPreloadImages(boolean preload) {
        return new K3sOptions(image, disabledComponents, startupTimeout, clusterReadyTimeout, preload, cacheRoot, applyTimeouts);
    }

    public K3sOptions withCacheRoot(Path root) {
        return new K3sOptions(image, disabledComponents, startupTimeout, clusterReadyTimeout, preloadImages, root, applyTimeouts);
    }

    public K3sOptions withApplyTimeouts(ApplyTimeouts timeouts) {
        return new K3sOptions(image, disabledComponents, startupTimeout, clusterReadyTimeout, preloadImages, cacheRoot, timeouts);
    }

    /** {@code server --disable=traefik --disable=metrics-server --tls-san=<host>}. */
    public List<String> serverCommand(String host) {
        List<String> command = new java.util.ArrayList<>();
        command.add("server");
        disabledComponents.forEach(c -> command.add("--disable=" + c));
        command.add("--tls-san=" + host);
        return command;
    }

    public Path manifestCache() {
        return cacheRoot.resolve("manifests");
    }

    public Path imageCache() {
        return cacheRoot.resolve("images");
    }
}
