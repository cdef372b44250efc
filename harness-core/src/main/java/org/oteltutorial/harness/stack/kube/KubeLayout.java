package org.oteltutorial.harness.stack.kube;

import java.nio.file.Path;

/**
 * Where one cluster keeps its files: {@code state} holds everything the programs write (etcd data, containerd root and
 * state, network namespaces, the kubelet's root, sockets; a short path, since unix socket paths are limited to 108
 * bytes), {@code report} the logs, the audit log and the kubeconfig.
 */
record KubeLayout(Path state, Path report) {

    Path pki() {
        return state.resolve("pki");
    }

    Path etcdData() {
        return state.resolve("etcd");
    }

    Path containerd() {
        return state.resolve("containerd");
    }

    Path containerdSocket() {
        return containerd().resolve("containerd.sock");
    }

    Path cniConfig() {
        return state.resolve("cni").resolve("net.d");
    }

    Path cniData() {
        return state.resolve("cni").resolve("ipam");
    }

    Path kubeletRoot() {
        return state.resolve("kubelet");
    }

    Path config(String file) {
        return state.resolve("config").resolve(file);
    }

    Path log(String component) {
        return report.resolve("logs").resolve(component + ".log");
    }

    Path auditLog() {
        return report.resolve("audit.log");
    }

    /** The admin kubeconfig a kept cluster is reached with. */
    Path kubeconfig() {
        return report.getParent().resolve("kubeconfig");
    }

    /** What {@code ./harness down} needs to stop this cluster. */
    Path record() {
        return report.resolve("cluster.json");
    }
}
