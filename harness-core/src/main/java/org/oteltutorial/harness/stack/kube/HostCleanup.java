package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Undoes everything a cluster did to the host, from its {@link KubeHostRecord}, in an order that lets each step succeed:
 * the node programs, then every process in the {@code kubepods} cgroups and containerd's shims, then containerd and
 * the control plane; then mounts below the run (overlays, network namespaces, the kubelet's bind mount), the CNI
 * bridge and its veths, the {@code KUBE-*}/{@code CNI-*} iptables rules (IPv4 and IPv6), conntrack entries of the
 * cluster's ranges, the {@code kubepods} cgroups, the host paths that did not exist before, the sysctls, the run's
 * directory. Each step goes on when an earlier one failed; the problems are returned.
 */
final class HostCleanup {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final List<String> TABLES = List.of("filter", "nat", "mangle", "raw");

    private final Consumer<String> progress;
    private final List<String> problems = new ArrayList<>();

    HostCleanup(Consumer<String> progress) {
        this.progress = progress;
    }

    List<String> undo(KubeHostRecord record) {
        progress.accept("stopping the kube cluster and cleaning the host (processes, mounts, network, iptables, cgroups, sysctls)");
        List<Long> pids = new ArrayList<>(record.pids());
        java.util.Collections.reverse(pids);
        // The record lists etcd, containerd, the API server and the rest in start order; stop the node side first.
        List<Long> controlPlane = List.copyOf(pids.subList(Math.max(0, pids.size() - 3), pids.size()));
        pids.stream().filter(p -> !controlPlane.contains(p)).forEach(this::stop);
        killPods(record);
        killShims(record.containerdSocket());
        controlPlane.forEach(this::stop);
        unmountBelow(List.of(record.stateDir() + "/", "/run/containerd/", "/var/lib/kubelet/"));
        deleteBridge(record.bridge());
        deleteIptablesRules("iptables");
        deleteIptablesRules("ip6tables");
        HostCommand.run(List.of("conntrack", "-D", "-s", KubeAddresses.POD_CIDR));
        HostCommand.run(List.of("conntrack", "-D", "-d", KubeAddresses.POD_CIDR));
        HostCommand.run(List.of("conntrack", "-D", "-d", KubeAddresses.SERVICE_CIDR));
        record.createdCgroups().forEach(c -> removeCgroup(Path.of(c)));
        record.createdPaths().forEach(p -> deleteTree(Path.of(p)));
        restoreSysctls(record.sysctls());
        deleteTree(Path.of(record.stateDir()));
        return List.copyOf(problems);
    }

    private void stop(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        ProcessHandle p = handle.get();
        p.destroy();
        try {
            Awaitility.await("process " + pid + " to exit").atMost(STOP_GRACE).pollInterval(Duration.ofMillis(100)).until(() -> !p.isAlive());
        } catch (ConditionTimeoutException e) {
            p.destroyForcibly();
            try {
                Awaitility.await("process " + pid + " to exit after SIGKILL").atMost(STOP_GRACE).pollInterval(Duration.ofMillis(100))
                        .until(() -> !p.isAlive());
            } catch (ConditionTimeoutException again) {
                problems.add("process " + pid + " still runs after SIGKILL");
            }
        }
    }

    /** Every process in a pod: each is in a {@code kubepods} cgroup of every hierarchy. */
    private void killPods(KubeHostRecord record) {
        List<Long> inPods = podProcesses();
        inPods.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        try {
            Awaitility.await("pod processes to exit").atMost(STOP_GRACE).pollInterval(Duration.ofMillis(100))
                    .until(() -> inPods.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        } catch (ConditionTimeoutException e) {
            problems.add("pod processes still running: " + inPods.stream().filter(pid -> ProcessHandle.of(pid).isPresent()).toList());
        }
    }

    static List<Long> podProcesses() {
        List<Long> pids = new ArrayList<>();
        for (Path hierarchy : Mounts.cgroupHierarchies()) {
            Path kubepods = hierarchy.resolve("kubepods");
            if (!Files.isDirectory(kubepods)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(kubepods)) {
                for (Path procs : files.filter(f -> f.getFileName().toString().equals("cgroup.procs")).toList()) {
                    for (String line : Files.readAllLines(procs)) {
                        if (!line.isBlank()) {
                            pids.add(Long.parseLong(line.strip()));
                        }
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // a cgroup vanished while it was read: its processes are gone
            }
        }
        return pids.stream().distinct().toList();
    }

    /** containerd's shims outlive it (they are re-parented to init): those serving this containerd, by socket path. */
    private void killShims(String socket) {
        List<ProcessHandle> shims = processesWithArgument(socket).stream()
                .filter(p -> p.info().command().map(c -> c.contains("containerd-shim")).orElse(false)).toList();
        shims.forEach(ProcessHandle::destroyForcibly);
        shims.forEach(p -> stop(p.pid()));
    }

    /** Processes whose command line contains {@code argument} (read from /proc, so also for processes of other parents). */
    static List<ProcessHandle> processesWithArgument(String argument) {
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path dir : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmdline.contains(argument)) {
                        ProcessHandle.of(Long.parseLong(dir.getFileName().toString())).ifPresent(found::add);
                    }
                } catch (IOException e) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    private void unmountBelow(List<String> prefixes) {
        List<String> points = Mounts.all().stream().map(Mounts.Mount::point)
                .filter(p -> prefixes.stream().anyMatch(prefix -> (p + "/").startsWith(prefix)))
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String point : points) {
            if (!HostCommand.run(List.of("umount", point)).ok()) {
                HostCommand.Result lazy = HostCommand.run(List.of("umount", "-l", point));
                if (!lazy.ok() && Mounts.all().stream().anyMatch(m -> m.point().equals(point))) {
                    problems.add("cannot unmount " + point + ": " + lazy.output().strip());
                }
            }
        }
    }

    private void deleteBridge(String bridge) {
        HostCommand.Result ports = HostCommand.run(List.of("ip", "-o", "link", "show", "master", bridge));
        if (ports.ok()) {
            for (String line : ports.output().lines().toList()) {
                String[] f = line.split(":\\s+");
                if (f.length > 1) {
                    HostCommand.run(List.of("ip", "link", "del", f[1].split("@")[0]));
                }
            }
        }
        if (HostCommand.run(List.of("ip", "link", "show", bridge)).ok()) {
            HostCommand.Result del = HostCommand.run(List.of("ip", "link", "del", bridge));
            if (!del.ok()) {
                problems.add("cannot delete the bridge " + bridge + ": " + del.output().strip());
            }
        }
    }

    /**
     * Removes the {@code KUBE-*} and {@code CNI-*} chains and every rule that jumps to them, table by table: the table
     * is saved, those lines dropped, and the rest restored, so rules of others stay as they are.
     */
    private void deleteIptablesRules(String tool) {
        for (String table : TABLES) {
            HostCommand.Result saved = HostCommand.run(List.of(tool + "-save", "-t", table));
            if (!saved.ok() || saved.output().lines().noneMatch(HostCleanup::isClusterRule)) {
                continue;
            }
            String kept = String.join("\n", saved.output().lines().filter(l -> !isClusterRule(l)).toList()) + "\n";
            HostCommand.Result restored = HostCommand.run(List.of(tool + "-restore", "-w", "5"), kept);
            if (!restored.ok()) {
                problems.add(tool + " table " + table + " not restored: " + restored.output().strip());
            }
        }
    }

    /** A chain declaration, a rule in such a chain, or a rule jumping to one. */
    static boolean isClusterRule(String line) {
        return line.startsWith(":KUBE-") || line.startsWith(":CNI-") || line.startsWith("-A KUBE-") || line.startsWith("-A CNI-")
                || line.contains(" -j KUBE-") || line.contains(" -j CNI-") || line.contains(" -g KUBE-") || line.contains(" -g CNI-");
    }

    private void removeCgroup(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Awaitility.await("cgroup " + root + " removed").atMost(STOP_GRACE).pollInterval(Duration.ofMillis(200)).until(() -> {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isDirectory).sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                            .forEach(d -> d.toFile().delete()); // rmdir: a cgroup directory is removed empty of sub-cgroups
                } catch (IOException | java.io.UncheckedIOException e) {
                    // removed meanwhile
                }
                return !Files.exists(root);
            });
        } catch (ConditionTimeoutException e) {
            problems.add("cgroup " + root + " could not be removed (processes left in it?)");
        }
    }

    private void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Mounts.all().stream().anyMatch(m -> (m.point() + "/").startsWith(root + "/"))) {
            problems.add(root + " not deleted: something is still mounted below it");
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(root + " not fully deleted: " + e.getMessage());
        }
        if (Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            problems.add(root + " not fully deleted");
        }
    }

    private void restoreSysctls(Map<String, String> original) {
        original.forEach((name, value) -> {
            try {
                if (!Sysctl.read(name).equals(value)) {
                    Sysctl.write(name, value);
                }
            } catch (IOException e) {
                problems.add("sysctl " + name.replace('/', '.') + " not restored to " + value + ": " + e.getMessage());
            }
        });
    }
}
