package org.oteltutorial.harness.stack.k3s;

import com.github.dockerjava.api.DockerClient;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.oteltutorial.harness.images.Catalogue;
import org.oteltutorial.harness.images.ImagePreloader;
import org.oteltutorial.harness.images.PreloadPlan;
import org.oteltutorial.harness.images.PreloadedImage;
import org.oteltutorial.harness.stack.Stack;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.stack.cluster.ClusterDeployment;
import org.oteltutorial.harness.stack.cluster.ClusterTarget;
import org.oteltutorial.harness.stack.cluster.ManifestCache;
import org.oteltutorial.harness.stack.cluster.OkHttpDownloader;
import org.oteltutorial.harness.stack.cluster.StepSource;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Overlay;
import org.oteltutorial.harness.tutorial.Workload;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The tutorial on k3s in Docker through Testcontainers: images the host's Docker holds are preloaded, k3s starts with
 * traefik and metrics-server disabled, the steps are applied in order and waited for, and the collector, Prometheus,
 * Jaeger and the frontend are port-forwarded.
 *
 * <p>{@link #checkEnvironment()} answers within seconds and never touches Testcontainers, so it can back a JUnit
 * {@code ExecutionCondition} as well as {@code ./harness run --stack k3s} (exit 2 with its message).
 */
public final class K3sStackProvider implements StackProvider {

    private final K3sOptions options;
    private final Supplier<? extends DockerProbe> probe;
    private final Map<String, String> env;
    private final boolean inContainer;
    private final String hostname;

    public K3sStackProvider() {
        this(K3sOptions.defaults());
    }

    public K3sStackProvider(K3sOptions options) {
        this(options, DockerEngineProbe::fromEnvironment, System.getenv(), Files.exists(Path.of("/.dockerenv")), localHostname());
    }

    /** With an injected probe and environment (tests). */
    public K3sStackProvider(K3sOptions options, Supplier<? extends DockerProbe> probe, Map<String, String> env, boolean inContainer,
            String hostname) {
        this.options = options;
        this.probe = probe;
        this.env = Map.copyOf(env);
        this.inContainer = inContainer;
        this.hostname = hostname;
    }

    @Override
    public String name() {
        return "k3s";
    }

    /**
     * Docker answers, allows privileged containers, and the k3s (and Ryuk) images are local or pullable; see
     * {@link K3sEnvironmentCheck}.
     *
     * @throws org.oteltutorial.harness.stack.EnvironmentException with every problem and its fix
     */
    @Override
    public void checkEnvironment() {
        DockerProbe docker = probe.get();
        try {
            new K3sEnvironmentCheck(docker, options.image(), env, inContainer, hostname).run();
        } finally {
            if (docker instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the probe's connections are gone either way
                }
            }
        }
    }

    @Override
    public Stack start(StackModel model, StackContext context) {
        List<String> notes = new ArrayList<>();
        StepPlan plan = StepPlan.bundled();
        DockerClient docker = DockerClientFactory.instance().client();
        K3sContainer k3s = new K3sContainer(DockerImageName.parse(options.image()));
        k3s.withCommand(options.serverCommand(k3s.getHost()).toArray(String[]::new));
        k3s.withStartupTimeout(options.startupTimeout());
        k3s.withReuse(context.keepOnFailure());
        notes.add("k3s: " + options.image() + " (" + String.join(" ", options.serverCommand(k3s.getHost())) + ")");
        if (options.preloadImages()) {
            for (PreloadedImage image : preload(new DockerImageStore(docker), plan, model, context, notes)) {
                k3s.withCopyToContainer(MountableFile.forHostPath(image.tar()), K3sOptions.IMAGE_IMPORT_DIR + image.fileName());
            }
        }
        context.progress().accept("starting " + options.image());
        k3s.start();
        KubernetesClient client = ClusterTarget.connect(Config.fromKubeconfig(k3s.getKubeConfigYaml()));
        notes.add("k3s container " + k3s.getContainerId() + "; kubeconfig " + writeKubeconfig(k3s, context.reportDir()));
        ClusterDeployment deployment = new ClusterDeployment(client, plan,
                new StepSource(new ManifestCache(options.manifestCache(), new OkHttpDownloader()), model.manifests()), model, context,
                options.applyTimeouts());
        try {
            ClusterBoot.awaitUsable(client, options.clusterReadyTimeout());
            return new K3sStack(k3s, deployment, deployment.deploy(), notes, context);
        } catch (RuntimeException e) {
            deployment.writeFailureBundle();
            deployment.close();
            client.close();
            if (context.keepOnFailure()) {
                context.progress().accept(keptNote(k3s, context));
            } else {
                k3s.stop();
            }
            throw e;
        }
    }

    /** Decides per image (see {@link PreloadPlan}) and saves the preloaded ones as tars for k3s's boot import. */
    private List<PreloadedImage> preload(DockerImageStore store, StepPlan plan, StackModel model, StackContext context, List<String> notes) {
        Map<String, String> replacements = new LinkedHashMap<>();
        for (StepPlan.Step step : plan.steps()) {
            for (Overlay overlay : step.overlays()) {
                if (overlay.replaceImage() != null) {
                    replacements.put(overlay.replaceImage().from(), overlay.replaceImage().to());
                }
            }
        }
        PreloadPlan preload = PreloadPlan.decide(Catalogue.bundled(), replacements, pullPolicies(model),
                store.tagged(K3sOptions.SYSTEM_IMAGE_PREFIXES), image -> store.imageId(image).isPresent());
        notes.addAll(preload.notes());
        return new ImagePreloader(store, options.imageCache(), context.progress()).export(preload);
    }

    /** The {@code imagePullPolicy} each image's containers declare in the manifests. */
    static Map<String, String> pullPolicies(StackModel model) {
        Map<String, String> policies = new LinkedHashMap<>();
        for (Workload w : model.workloads()) {
            for (Container c : w.containers()) {
                if (c.getImage() != null && c.getImagePullPolicy() != null) {
                    policies.putIfAbsent(c.getImage(), c.getImagePullPolicy());
                }
            }
        }
        return policies;
    }

    private static Path writeKubeconfig(K3sContainer k3s, Path reportDir) {
        Path file = reportDir.resolve("k3s").resolve("kubeconfig.yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, k3s.getKubeConfigYaml());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String keptNote(K3sContainer k3s, StackContext context) {
        return "kept on failure: k3s container " + k3s.getContainerId() + " (kubeconfig " + context.reportDir().resolve("k3s/kubeconfig.yaml")
                + "); it outlives the harness only where Testcontainers reuse is enabled (testcontainers.reuse.enable=true in"
                + " ~/.testcontainers.properties), otherwise it is removed when the harness exits; remove it with docker rm -f "
                + k3s.getContainerId();
    }

    /** The kernel's host name (what {@code docker info} reports as Name for an engine on this host). */
    static String localHostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | UncheckedIOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException ex) {
                return "";
            }
        }
    }
}
