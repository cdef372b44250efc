package org.oteltutorial.harness.stack.kube;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.oteltutorial.harness.images.BinaryCache;
import org.oteltutorial.harness.images.Catalogue;
import org.oteltutorial.harness.images.ComponentBuilder;
import org.oteltutorial.harness.stack.EnvironmentException;

/**
 * The programs of the cluster: the Kubernetes ones and CoreDNS built from their modules into the {@link BinaryCache}
 * (once per version), and Debian's etcd, containerd, runc, CNI plugins, iptables and conntrack.
 */
record KubeBinaries(Path kubernetesDir, Path coredns) {

    /** The Debian packages the kube stack runs, as {@code ./harness prepare} installs them. */
    static final List<String> PACKAGES = List.of("containerd", "runc", "containernetworking-plugins", "iptables", "conntrack", "etcd-server");
    static final String APT_LINE = "apt-get install -y " + String.join(" ", PACKAGES);
    private static final List<String> HOST_PROGRAMS = List.of("/usr/bin/etcd", "/usr/bin/containerd", "/usr/bin/ctr",
            "/usr/bin/containerd-shim-runc-v2", "/usr/sbin/runc", "/usr/lib/cni/bridge", "/usr/lib/cni/host-local", "/usr/lib/cni/portmap",
            "/usr/lib/cni/loopback", "/usr/sbin/iptables", "/usr/sbin/conntrack", "/usr/sbin/ip");

    static KubeBinaries ensure(Catalogue catalogue, BinaryCache cache, Consumer<String> progress) {
        ComponentBuilder builder = new ComponentBuilder(cache, progress);
        Path apiServer = builder.ensure(catalogue.kube().component("kubernetes"));
        Path coredns = builder.ensure(catalogue.kube().component("coredns"));
        return new KubeBinaries(apiServer.getParent(), coredns);
    }

    static boolean built(Catalogue catalogue, BinaryCache cache) {
        return cache.built(catalogue.kube().component("kubernetes")).isPresent() && cache.built(catalogue.kube().component("coredns")).isPresent();
    }

    /** The host programs that are missing, empty when all are installed. */
    static List<String> missingHostPrograms() {
        return HOST_PROGRAMS.stream().filter(p -> !Files.isExecutable(Path.of(p))).toList();
    }

    static void requireHostPrograms() {
        List<String> missing = missingHostPrograms();
        if (!missing.isEmpty()) {
            throw new EnvironmentException("the kube stack needs " + String.join(", ", missing) + "; run ./harness prepare or " + APT_LINE);
        }
    }

    Path kubernetes(String program) {
        return kubernetesDir.resolve(program);
    }
}
