package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host as it was before a cluster started, in the parts the kubelet, containerd, the CNI plugins and kube-proxy
 * change even when told to keep their files elsewhere: a few host paths, the {@code kubepods} cgroups, and sysctls.
 */
final class HostBaseline {

    /** Paths the programs write outside the run's directory whatever their flags say. */
    static final List<String> HOST_PATHS = List.of("/var/lib/kubelet", "/var/log/pods", "/var/log/containers", "/var/lib/cni",
            "/run/containerd", "/usr/libexec/kubernetes", "/var/run/netns");
    /** Sysctls the kubelet, kube-proxy and the bridge plugin set without asking. */
    static final List<String> SYSCTLS = List.of("vm/overcommit_memory", "kernel/panic", "kernel/panic_on_oops",
            "net/ipv4/conf/all/route_localnet", "net/ipv4/ip_forward", "net/bridge/bridge-nf-call-iptables",
            "net/bridge/bridge-nf-call-ip6tables", "net/netfilter/nf_conntrack_tcp_timeout_established",
            "net/netfilter/nf_conntrack_tcp_timeout_close_wait", "net/netfilter/nf_conntrack_max");

    private HostBaseline() {
    }

    static KubeHostRecord capture(KubeLayout layout, KubeAddresses addresses) {
        List<String> created = new ArrayList<>();
        for (String p : HOST_PATHS) {
            if (!Files.exists(Path.of(p))) {
                created.add(p);
            }
        }
        List<String> cgroups = new ArrayList<>();
        for (Path hierarchy : Mounts.cgroupHierarchies()) {
            Path kubepods = hierarchy.resolve("kubepods");
            if (!Files.exists(kubepods)) {
                cgroups.add(kubepods.toString());
            }
        }
        Map<String, String> sysctls = new LinkedHashMap<>();
        for (String s : SYSCTLS) {
            try {
                sysctls.put(s, Sysctl.read(s));
            } catch (IOException e) {
                // not on this kernel: nothing to restore
            }
        }
        return new KubeHostRecord(layout.state().toString(), layout.containerdSocket().toString(), addresses.bridge(), List.of(),
                created, cgroups, sysctls);
    }
}
