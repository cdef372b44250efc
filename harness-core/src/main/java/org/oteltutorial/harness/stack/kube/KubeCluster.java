package org.oteltutorial.harness.stack.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.oteltutorial.harness.images.ImageArchive;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.stack.cluster.ClusterTarget;
import org.oteltutorial.harness.stack.cluster.ServerSideApplier;
import org.oteltutorial.harness.stack.local.ManagedProcess;

/**
 * A single-node Kubernetes as processes of this machine: etcd, containerd, the API server, controller-manager,
 * scheduler, kubelet and kube-proxy, with the images imported and cluster DNS running. Everything it writes is below
 * its {@link KubeLayout}; what it changes elsewhere is in its {@link KubeHostRecord}, which {@link #close()} (and a
 * shutdown hook, for SIGINT and SIGTERM) undoes.
 */
final class KubeCluster implements AutoCloseable {

    static final String ADMIN = "kubernetes-admin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

    private final KubeLayout layout;
    private final KubeAddresses addresses;
    private final Consumer<String> progress;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final List<String> timings = new ArrayList<>();
    private final long started = System.nanoTime();
    private final Thread shutdownHook;
    private KubeHostRecord record;
    private KubernetesClient client;
    private List<ImageArchive.Written> images = List.of();
    private boolean closed;

    private KubeCluster(KubeLayout layout, KubeAddresses addresses, Consumer<String> progress) {
        this.layout = layout;
        this.addresses = addresses;
        this.progress = progress;
        this.record = HostBaseline.capture(layout, addresses);
        this.record.write(layout.record());
        this.shutdownHook = new Thread(this::cleanUp, "kube-cluster-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the cluster and waits until the node is Ready, the {@code default} ServiceAccount exists and cluster DNS
     * answers. On failure everything started so far is stopped and the host cleaned before the exception leaves.
     */
    static KubeCluster start(KubeBinaries binaries, KubeLayout layout, String pauseImage, String corednsImage, List<ImageArchive> workloadImages,
            KubeImages imageStore, Consumer<String> progress) {
        KubeCluster cluster = new KubeCluster(layout, KubeAddresses.pick(), progress);
        try {
            cluster.boot(binaries, pauseImage, corednsImage, workloadImages, imageStore);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void boot(KubeBinaries binaries, String pauseImage, String corednsImage, List<ImageArchive> workloadImages, KubeImages imageStore) {
        progress.accept("kube: node " + addresses.nodeName() + " at " + addresses.nodeIp() + ", state in " + layout.state()
                + ", logs in " + layout.report().resolve("logs"));
        KubePki pki = KubePki.create(layout.pki());
        String node = addresses.nodeName();
        List<String> apiNames = List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc",
                "kubernetes.default.svc." + KubeAddresses.CLUSTER_DOMAIN, "localhost", node);
        KubePki.Credentials apiServing = pki.issue("apiserver", "kube-apiserver", null, apiNames,
                List.of("127.0.0.1", KubeAddresses.KUBERNETES_SERVICE_IP, addresses.nodeIp()), true);
        KubePki.Credentials apiToKubelet = pki.issue("apiserver-kubelet-client", "kube-apiserver-kubelet-client", "system:masters", List.of(),
                List.of(), false);
        KubePki.Credentials admin = pki.issue("admin", ADMIN, "system:masters", List.of(), List.of(), false);
        KubePki.Credentials controllerManager = pki.issue("controller-manager", "system:kube-controller-manager", null, List.of(), List.of(), false);
        KubePki.Credentials scheduler = pki.issue("scheduler", "system:kube-scheduler", null, List.of(), List.of(), false);
        KubePki.Credentials kubeletClient = pki.issue("kubelet-client", "system:node:" + node, "system:nodes", List.of(), List.of(), false);
        KubePki.Credentials kubeletServing = pki.issue("kubelet-serving", "system:node:" + node, "system:nodes", List.of(node),
                List.of(addresses.nodeIp()), true);
        KubePki.Credentials proxy = pki.issue("kube-proxy", "system:kube-proxy", null, List.of(), List.of(), false);
        KubePki.Credentials serviceAccount = pki.serviceAccountKeys();
        KubeConfigFiles files = new KubeConfigFiles(layout, addresses);
        Path adminConfig = files.kubeconfig("admin.kubeconfig", ADMIN, admin);
        Path cmConfig = files.kubeconfig("controller-manager.kubeconfig", "system:kube-controller-manager", controllerManager);
        Path schedulerConfig = files.kubeconfig("scheduler.kubeconfig", "system:kube-scheduler", scheduler);
        Path kubeletConfig = files.kubeconfig("kubelet.kubeconfig", "system:node:" + node, kubeletClient);
        Path proxyConfig = files.kubeconfig("kube-proxy.kubeconfig", "system:kube-proxy", proxy);
        files.cni();

        ManagedProcess etcd = launch("etcd", List.of("/usr/bin/etcd", "--name", node, "--data-dir", layout.etcdData().toString(),
                "--listen-client-urls", addresses.etcdUrl(), "--advertise-client-urls", addresses.etcdUrl(),
                "--listen-peer-urls", "http://127.0.0.1:" + addresses.etcdPeerPort(),
                "--initial-advertise-peer-urls", "http://127.0.0.1:" + addresses.etcdPeerPort(),
                "--initial-cluster", node + "=http://127.0.0.1:" + addresses.etcdPeerPort(), "--log-level", "warn"));
        ManagedProcess containerd = launch("containerd", List.of("/usr/bin/containerd", "--config", files.containerd(pauseImage).toString()));
        awaitUp(containerd, "containerd's socket", () -> HostCommand.run(List.of("ctr", "--address", layout.containerdSocket().toString(),
                "version")).ok());
        mark("containerd up");
        List<ImageArchive> all = new ArrayList<>();
        all.add(KubeImages.pause(pauseImage, binaries.kubernetes("pause")));
        all.add(KubeImages.coredns(corednsImage, binaries.coredns()));
        all.addAll(workloadImages);
        CompletableFuture<List<ImageArchive.Written>> imported = CompletableFuture.supplyAsync(
                () -> imageStore.importAll(all, layout.containerdSocket()));

        ManagedProcess apiServer = launch("kube-apiserver", List.of(binaries.kubernetes("kube-apiserver").toString(),
                "--etcd-servers=" + addresses.etcdUrl(),
                "--advertise-address=" + addresses.nodeIp(), "--bind-address=" + addresses.nodeIp(),
                "--secure-port=" + addresses.apiServerPort(), "--cert-dir=" + layout.state().resolve("apiserver-certs"),
                "--tls-cert-file=" + apiServing.cert(), "--tls-private-key-file=" + apiServing.key(),
                "--client-ca-file=" + pki.caCert(),
                "--kubelet-client-certificate=" + apiToKubelet.cert(), "--kubelet-client-key=" + apiToKubelet.key(),
                "--service-account-issuer=https://kubernetes.default.svc." + KubeAddresses.CLUSTER_DOMAIN,
                "--service-account-key-file=" + serviceAccount.cert(), "--service-account-signing-key-file=" + serviceAccount.key(),
                "--service-cluster-ip-range=" + KubeAddresses.SERVICE_CIDR, "--authorization-mode=Node,RBAC", "--allow-privileged=true",
                "--audit-policy-file=" + files.auditPolicy(), "--audit-log-path=" + layout.auditLog(), "--audit-log-format=json",
                "--profiling=false"));
        awaitUp(etcd, "etcd", () -> true);
        client = ClusterTarget.connect(new ClusterTarget(Optional.of(adminConfig), Optional.empty()).config());
        awaitUp(apiServer, "the API server to answer", () -> {
            try {
                return client.getKubernetesVersion() != null && client.namespaces().withName("default").get() != null;
            } catch (KubernetesClientException e) {
                return false;
            }
        });
        mark("API server ready");
        launch("kube-controller-manager", List.of(binaries.kubernetes("kube-controller-manager").toString(),
                "--kubeconfig=" + cmConfig, "--service-account-private-key-file=" + serviceAccount.key(), "--root-ca-file=" + pki.caCert(),
                "--cluster-signing-cert-file=" + pki.caCert(), "--cluster-signing-key-file=" + pki.caKey(),
                "--use-service-account-credentials=true", "--leader-elect=false", "--allocate-node-cidrs=true",
                "--cluster-cidr=" + KubeAddresses.POD_CIDR, "--node-cidr-mask-size=24", "--service-cluster-ip-range=" + KubeAddresses.SERVICE_CIDR,
                "--secure-port=0"));
        launch("kube-scheduler", List.of(binaries.kubernetes("kube-scheduler").toString(), "--kubeconfig=" + schedulerConfig,
                "--leader-elect=false", "--secure-port=0"));
        images = join(imported);
        mark(images.size() + " images imported");
        ManagedProcess kubelet = launch("kubelet", List.of(binaries.kubernetes("kubelet").toString(),
                "--config=" + files.kubelet(kubeletServing), "--kubeconfig=" + kubeletConfig, "--root-dir=" + layout.kubeletRoot(),
                "--node-ip=" + addresses.nodeIp(), "--hostname-override=" + node,
                "--container-runtime-endpoint=unix://" + layout.containerdSocket(), "--pod-infra-container-image=" + pauseImage));
        launch("kube-proxy", List.of(binaries.kubernetes("kube-proxy").toString(), "--config=" + files.kubeProxy(proxyConfig)));
        awaitUp(kubelet, "Node " + node + " Ready", () -> {
            Node n = client.nodes().withName(node).get();
            return n != null && Readiness.isNodeReady(n);
        });
        mark("Node Ready");
        awaitUp(apiServer, "the default ServiceAccount", () -> client.serviceAccounts().inNamespace("default").withName("default").get() != null);
    }

    /** Applies cluster DNS and waits for it. */
    void startDns(String corednsImage, Consumer<HasMetadata> apply, Runnable awaitReady) {
        ClusterDns.objects(corednsImage).forEach(apply);
        awaitReady.run();
        mark("cluster DNS ready");
    }

    ServerSideApplier applier() {
        return new ServerSideApplier(client);
    }

    KubernetesClient client() {
        return client;
    }

    KubeAddresses addresses() {
        return addresses;
    }

    KubeLayout layout() {
        return layout;
    }

    List<ImageArchive.Written> images() {
        return images;
    }

    /** The admin kubeconfig's text. */
    Path adminKubeconfig() {
        return layout.config("admin.kubeconfig");
    }

    /** e.g. {@code containerd up +0.4 s, API server ready +6.1 s, Node Ready +8.9 s}. */
    List<String> timings() {
        return List.copyOf(timings);
    }

    private void mark(String what) {
        String line = String.format("%s +%.1f s", what, (System.nanoTime() - started) / 1e9);
        timings.add(line);
        progress.accept("kube: " + line);
    }

    /** Synchronized with the cleanup: once it ran (SIGINT during the start, say), nothing new is started. */
    private synchronized ManagedProcess launch(String name, List<String> command) {
        if (closed) {
            throw new StackStartException("kube: the cluster was stopped while it started (interrupted)");
        }
        progress.accept("kube: starting " + name);
        ManagedProcess process = ManagedProcess.start(name, command, ENV, layout.log(name), layout.state());
        processes.add(process);
        record = record.withPid(process.pid());
        record.write(layout.record());
        return process;
    }

    private void awaitUp(ManagedProcess process, String what, java.util.concurrent.Callable<Boolean> condition) {
        progress.accept("kube: waiting for " + what);
        try {
            Awaitility.await(what).atMost(START_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(KubernetesClientException.class)
                    .failFast(process.name() + " exited", () -> !process.isAlive())
                    .until(condition);
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new StackStartException("kube: " + what + ": " + (process.isAlive() ? "not within " + START_TIMEOUT.toSeconds() + " s"
                    : process.name() + " exited with " + process.exitValue()) + "; last lines of " + process.log() + ":\n"
                    + process.logTail(15), e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Stops everything and cleans the host; problems are reported on the console. */
    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is this cleanup
        }
    }

    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        if (client != null) {
            client.close();
        }
        List<String> problems = new HostCleanup(progress).undo(record);
        problems.forEach(p -> progress.accept("kube cleanup: " + p));
        if (problems.isEmpty()) {
            progress.accept("kube: stopped; the host is as it was before the cluster started");
        }
    }

    /** Leaves the cluster running (for {@code --keep}); {@code ./harness down} stops it from its record. */
    synchronized void detach() {
        closed = true;
        if (client != null) {
            client.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // shutting down anyway
        }
    }

    /** Stops the cluster a {@code cluster.json} describes (a kept one); returns the problems. */
    static List<String> stop(Path recordFile, Consumer<String> progress) {
        return new HostCleanup(progress).undo(KubeHostRecord.read(recordFile));
    }
}
