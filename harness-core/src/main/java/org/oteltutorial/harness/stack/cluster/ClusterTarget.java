package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.stack.EnvironmentException;

/**
 * Which existing cluster: a kubeconfig ({@code --kubeconfig FILE}, else fabric8's usual chain: {@code KUBECONFIG}, then
 * {@code ~/.kube/config}) and a context ({@code --context NAME}, else the current one). fabric8 silently falls back to
 * the current context when asked for an unknown one; this class refuses instead, naming the contexts there are.
 */
public final class ClusterTarget {

    private final Optional<Path> kubeconfig;
    private final Optional<String> context;
    private final Optional<String> impersonate;

    public ClusterTarget(Optional<Path> kubeconfig, Optional<String> context) {
        this(kubeconfig, context, Optional.empty());
    }

    /** With {@code impersonate}, every request is made as that user, like {@code kubectl --as}. */
    public ClusterTarget(Optional<Path> kubeconfig, Optional<String> context, Optional<String> impersonate) {
        this.kubeconfig = kubeconfig;
        this.context = context.filter(c -> !c.isBlank());
        this.impersonate = impersonate.filter(u -> !u.isBlank());
    }

    /** The kubeconfig's settings for the context, validated; {@link EnvironmentException} when they cannot be used. */
    public Config config() {
        Config config;
        if (kubeconfig.isPresent()) {
            Path file = kubeconfig.get();
            if (!Files.isRegularFile(file)) {
                throw new EnvironmentException("kubeconfig " + file + " does not exist; pass --kubeconfig with an existing file");
            }
            try {
                config = Config.fromKubeconfig(context.orElse(null), file.toFile());
            } catch (KubernetesClientException e) {
                throw new EnvironmentException("kubeconfig " + file + " cannot be read: " + e.getMessage());
            }
        } else {
            config = Config.autoConfigure(context.orElse(null));
        }
        List<NamedContext> contexts = config.getContexts() == null ? List.of() : config.getContexts();
        if (contexts.isEmpty()) {
            throw new EnvironmentException("no kubeconfig with a context was found (" + where(config) + "); pass --kubeconfig FILE"
                    + " or set KUBECONFIG");
        }
        if (context.isPresent() && contexts.stream().noneMatch(c -> c.getName().equals(context.get()))) {
            throw new EnvironmentException("context '" + context.get() + "' is not in " + where(config) + " (contexts: "
                    + String.join(", ", contexts.stream().map(NamedContext::getName).sorted().toList()) + "); pass one of them with --context");
        }
        impersonate.ifPresent(config::setImpersonateUsername);
        return config;
    }

    /** A client on the OkHttp transport. */
    public KubernetesClient connect() {
        return connect(config());
    }

    /** A client for the given settings, on the OkHttp transport (the Vert.x one is excluded from the build). */
    public static KubernetesClient connect(Config config) {
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new OkHttpClientFactory()).build();
    }

    /**
     * Asks the API server for its version, with short timeouts and no retries, so an unreachable cluster is reported in
     * seconds.
     *
     * @return e.g. {@code v1.29.1}
     * @throws EnvironmentException with the server, the context and the error
     */
    public String checkReachable(Duration timeout) {
        Config config = config();
        int millis = (int) timeout.toMillis();
        config.setConnectionTimeout(millis);
        config.setRequestTimeout(millis);
        config.setRequestRetryBackoffLimit(0);
        try (KubernetesClient client = connect(config)) {
            VersionInfo version = client.getKubernetesVersion();
            return version == null ? "unknown" : version.getGitVersion();
        } catch (KubernetesClientException e) {
            throw new EnvironmentException("cannot reach the cluster of " + describe(config) + ": " + rootMessage(e)
                    + "; check that it is running and that the kubeconfig's credentials are valid");
        }
    }

    /** {@code context NAME (server URL) from FILE}. */
    public String describe() {
        return describe(config());
    }

    private static String describe(Config config) {
        String name = config.getCurrentContext() == null ? "(none)" : config.getCurrentContext().getName();
        String as = config.getImpersonateUsername() == null ? "" : " as " + config.getImpersonateUsername();
        return "context " + name + " (server " + config.getMasterUrl() + ") from " + where(config) + as;
    }

    private static String where(Config config) {
        File file = config.getFile();
        return file == null ? "the default kubeconfig locations" : file.getPath();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return String.valueOf(message);
    }
}
