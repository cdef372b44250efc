package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The configuration files of the cluster's programs, all below the run's state directory. The settings this machine
 * needs and why are in the README's kube section; the non-obvious ones are commented where they are written.
 */
final class KubeConfigFiles {

    private final KubeLayout layout;
    private final KubeAddresses addresses;

    KubeConfigFiles(KubeLayout layout, KubeAddresses addresses) {
        this.layout = layout;
        this.addresses = addresses;
    }

    Path containerd(String pauseImage) {
        Path c = layout.containerd();
        // restrict_oom_score_adj: the VM's capability bounding set lacks CAP_SYS_RESOURCE, so runc cannot lower
        // oom_score_adj, and without this setting every pod sandbox fails ("can't get final child's PID from pipe").
        return write(layout.config("containerd.toml"), """
                version = 2
                root = "%1$s/root"
                state = "%1$s/state"
                disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs",
                  "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper"]
                [grpc]
                  address = "%2$s"
                [ttrpc]
                  address = "%2$s.ttrpc"
                [debug]
                  address = "%1$s/debug.sock"
                [plugins."io.containerd.internal.v1.opt"]
                  path = "%1$s/opt"
                [plugins."io.containerd.grpc.v1.cri"]
                  sandbox_image = "%3$s"
                  restrict_oom_score_adj = true
                  netns_mounts_under_state_dir = true
                  enable_selinux = false
                  [plugins."io.containerd.grpc.v1.cri".containerd]
                    snapshotter = "overlayfs"
                    default_runtime_name = "runc"
                    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                      runtime_type = "io.containerd.runc.v2"
                      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                        SystemdCgroup = false
                        Root = "%1$s/runc"
                  [plugins."io.containerd.grpc.v1.cri".cni]
                    bin_dir = "/usr/lib/cni"
                    conf_dir = "%4$s"
                """.formatted(c, layout.containerdSocket(), pauseImage, layout.cniConfig()));
    }

    Path cni() {
        return write(layout.cniConfig().resolve("10-" + KubeAddresses.CNI_NETWORK + ".conflist"), """
                {
                  "cniVersion": "0.4.0",
                  "name": "%s",
                  "plugins": [
                    {
                      "type": "bridge",
                      "bridge": "%s",
                      "isGateway": true,
                      "ipMasq": true,
                      "hairpinMode": true,
                      "ipam": {
                        "type": "host-local",
                        "dataDir": "%s",
                        "ranges": [[{"subnet": "%s"}]],
                        "routes": [{"dst": "0.0.0.0/0"}]
                      }
                    },
                    {"type": "portmap", "capabilities": {"portMappings": true}}
                  ]
                }
                """.formatted(KubeAddresses.CNI_NETWORK, addresses.bridge(), layout.cniData(), KubeAddresses.POD_CIDR));
    }

    Path auditPolicy() {
        return write(layout.config("audit-policy.yaml"), """
                apiVersion: audit.k8s.io/v1
                kind: Policy
                omitStages: ["RequestReceived"]
                rules:
                  - level: Metadata
                """);
    }

    Path kubelet(KubePki.Credentials serving) {
        // evictionHard and the image GC thresholds are low so a small or full disk does not taint the only node;
        // volumePluginDir is under the run, else the kubelet creates /usr/libexec/kubernetes.
        return write(layout.config("kubelet.yaml"), """
                apiVersion: kubelet.config.k8s.io/v1beta1
                kind: KubeletConfiguration
                authentication:
                  anonymous: {enabled: false}
                  webhook: {enabled: true}
                  x509: {clientCAFile: "%s"}
                authorization: {mode: Webhook}
                cgroupDriver: cgroupfs
                failSwapOn: false
                clusterDNS: ["%s"]
                clusterDomain: %s
                tlsCertFile: "%s"
                tlsPrivateKeyFile: "%s"
                readOnlyPort: 0
                healthzPort: 0
                resolvConf: /etc/resolv.conf
                volumePluginDir: "%s"
                evictionHard: {"memory.available": "50Mi", "nodefs.available": "1%%", "imagefs.available": "1%%"}
                imageGCHighThresholdPercent: 100
                imageGCLowThresholdPercent: 99
                serializeImagePulls: false
                """.formatted(layout.pki().resolve("ca.crt"), KubeAddresses.DNS_SERVICE_IP, KubeAddresses.CLUSTER_DOMAIN, serving.cert(),
                serving.key(), layout.state().resolve("volume-plugins")));
    }

    Path kubeProxy(Path kubeconfig) {
        // The conntrack timeouts 0 leave the host's sysctls as they are; maxPerCore 0 leaves nf_conntrack_max.
        return write(layout.config("kube-proxy.yaml"), """
                apiVersion: kubeproxy.config.k8s.io/v1alpha1
                kind: KubeProxyConfiguration
                mode: iptables
                clientConnection: {kubeconfig: "%s"}
                hostnameOverride: %s
                clusterCIDR: %s
                bindAddress: 127.0.0.1
                healthzBindAddress: ""
                metricsBindAddress: "127.0.0.1:%s"
                conntrack: {maxPerCore: 0, tcpEstablishedTimeout: 0s, tcpCloseWaitTimeout: 0s}
                """.formatted(kubeconfig, addresses.nodeName(), KubeAddresses.POD_CIDR, addresses.proxyMetricsPort()));
    }

    /** A kubeconfig for {@code user} with the credentials embedded, so it stays valid when copied. */
    Path kubeconfig(String file, String user, KubePki.Credentials credentials) {
        return write(file.contains("/") ? Path.of(file) : layout.config(file), kubeconfigText(user, credentials));
    }

    String kubeconfigText(String user, KubePki.Credentials credentials) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: otel-harness-kube
                    cluster:
                      server: %s
                      certificate-authority-data: %s
                users:
                  - name: %s
                    user:
                      client-certificate-data: %s
                      client-key-data: %s
                contexts:
                  - name: otel-harness-kube
                    context: {cluster: otel-harness-kube, user: %s}
                current-context: otel-harness-kube
                """.formatted(addresses.apiServerUrl(), base64(layout.pki().resolve("ca.crt")), user, base64(credentials.cert()),
                base64(credentials.key()), user);
    }

    private static String base64(Path file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
