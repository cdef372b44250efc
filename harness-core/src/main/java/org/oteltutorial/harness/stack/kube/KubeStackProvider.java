package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.oteltutorial.harness.images.BinaryCache;
import org.oteltutorial.harness.images.Catalogue;
import org.oteltutorial.harness.images.ComponentBuilder;
import org.oteltutorial.harness.images.ImageArchive;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.Stack;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.stack.cluster.ApplyTimeouts;
import org.oteltutorial.harness.stack.cluster.ClusterDeployment;
import org.oteltutorial.harness.stack.cluster.KubernetesWaiter;
import org.oteltutorial.harness.stack.cluster.ManifestCache;
import org.oteltutorial.harness.stack.cluster.OkHttpDownloader;
import org.oteltutorial.harness.stack.cluster.OperatorSubstitution;
import org.oteltutorial.harness.stack.cluster.StepSource;
import org.oteltutorial.harness.stack.local.LocalBinaries;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;

/**
 * {@code --stack kube}: a single-node Kubernetes built from the upstream modules, started as processes here (root on
 * Linux), the tutorial deployed into it through the same path as the other Kubernetes stacks.
 */
public final class KubeStackProvider implements StackProvider {

    /** Every cluster's state directory is below this; a live process naming it means a cluster is running. */
    static final Path STATE_ROOT = Path.of("/var/tmp/otel-harness-kube");
    static final OperatorSubstitution.Reasons REASONS = new OperatorSubstitution.Reasons(
            "cert-manager and the OpenTelemetry Operator cannot be had here (the Go module proxy refuses the operator's module and there is"
                    + " no container registry)",
            "its images are published only on ghcr.io and there is no container registry here");

    private final Catalogue catalogue;
    private final BinaryCache cache;

    public KubeStackProvider() {
        this(Catalogue.bundled(), BinaryCache.fromEnvironment());
    }

    KubeStackProvider(Catalogue catalogue, BinaryCache cache) {
        this.catalogue = catalogue;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "kube";
    }

    @Override
    public void checkEnvironment() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new EnvironmentException("the kube stack runs Kubernetes as processes of this machine and needs Linux; use --stack local");
        }
        if (!isRoot()) {
            throw new EnvironmentException("the kube stack needs root (it runs containerd, the kubelet and kube-proxy); run as root or use --stack local");
        }
        KubeBinaries.requireHostPrograms();
        if (!KubeBinaries.built(catalogue, cache) && !ComponentBuilder.goAvailable()) {
            throw new EnvironmentException("the kube stack builds Kubernetes and CoreDNS from the Go module proxy once and needs Go on the PATH");
        }
        List<ProcessHandle> running = HostCleanup.processesWithArgument(STATE_ROOT + "/");
        if (!running.isEmpty()) {
            throw new EnvironmentException("a kube cluster is already running (pid " + running.get(0).pid() + "); only one at a time:"
                    + " stop it with ./harness down REPORT_DIR");
        }
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .anyMatch(l -> l.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Stack start(StackModel model, StackContext context) {
        KubeBinaries binaries = KubeBinaries.ensure(catalogue, cache, context.progress());
        OperatorSubstitution.Result substituted = new OperatorSubstitution().apply(StepPlan.bundled(), model.manifests(), REASONS);
        StackModel deployed = StackModel.from(substituted.manifests());
        List<String> buildNotes = new ArrayList<>();
        LocalBinaries local = LocalBinaries.standard(context.progress(), buildNotes::add);
        List<ImageArchive> workloadImages = new ArrayList<>();
        deployed.collector().ifPresent(c -> workloadImages.add(KubeImages.collector(c.workload().containers().get(0).getImage(),
                local.binary("otelcol", c.image()))));
        deployed.prometheus().ifPresent(p -> workloadImages.add(KubeImages.prometheus(p.container().getImage(), local.binary("prometheus", p.image()))));
        deployed.jaeger().ifPresent(j -> workloadImages.add(KubeImages.jaeger(j.container().getImage(), local.binary("jaeger", j.image()))));

        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        KubeLayout layout = new KubeLayout(STATE_ROOT.resolve(id), context.reportDir().resolve("kube"));
        KubeImages images = new KubeImages(cache.root().resolve("images"), cache.root().resolve("jib"), context.progress());
        KubeCluster cluster = KubeCluster.start(binaries, layout, catalogue.kube().pauseImage(), catalogue.kube().corednsImage(), workloadImages,
                images, context.progress());
        ClusterDeployment deployment = null;
        try {
            ApplyTimeouts timeouts = ApplyTimeouts.defaults();
            KubernetesWaiter waiter = new KubernetesWaiter(cluster.client());
            var applier = cluster.applier();
            cluster.startDns(catalogue.kube().corednsImage(), applier::apply,
                    () -> waiter.deploymentReady(ClusterDns.NAMESPACE, ClusterDns.DEPLOYMENT, timeouts.deployment()));
            SelfCheckAccess.objects().forEach(applier::apply);
            StepSource source = new StepSource(new ManifestCache(ManifestCache.defaultDirectory(), new OkHttpDownloader()), substituted.manifests());
            deployment = new ClusterDeployment(cluster.client(), substituted.plan(), source, deployed, context, timeouts);
            KubeStack stack = new KubeStack(cluster, deployment, context, notes(cluster, substituted, buildNotes));
            stack.deploy();
            return stack;
        } catch (RuntimeException e) {
            if (deployment != null) {
                deployment.writeFailureBundle();
                deployment.close();
            }
            if (context.keepOnFailure() || context.keep()) {
                KubeStack.keep(cluster, context);
            } else {
                cluster.close();
            }
            throw e instanceof StackStartException ? e : new StackStartException("kube: " + e.getMessage(), e);
        }
    }

    private List<String> notes(KubeCluster cluster, OperatorSubstitution.Result substituted, List<String> buildNotes) {
        List<String> notes = new ArrayList<>();
        notes.add("kube: Kubernetes " + catalogue.kube().component("kubernetes").version() + " and CoreDNS "
                + catalogue.kube().component("coredns").version() + " built from the Go module proxy; etcd, containerd, runc and the CNI"
                + " plugins from Debian; node " + cluster.addresses().nodeName() + " at " + cluster.addresses().nodeIp());
        notes.add("kube: start " + String.join(", ", cluster.timings()));
        cluster.images().forEach(i -> notes.add("kube image " + i.name() + " digest " + i.digest() + " (config " + i.imageId() + "), built here"
                + " and imported into containerd"));
        notes.addAll(substituted.notes());
        notes.addAll(buildNotes);
        notes.add("kube: audit log " + cluster.layout().auditLog());
        return notes;
    }
}
