package org.oteltutorial.harness.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a kube cluster could leave behind on the host, captured for a before/after comparison: its processes (the
 * cluster's programs by name, anything naming its state directory, anything in a {@code kubepods} cgroup), every
 * mount point, the network namespaces, the network links, and the {@code KUBE-*}/{@code CNI-*} iptables rules (IPv4
 * and IPv6). Other engineers' local stacks add no mounts, links or such rules, so the comparison is exact.
 */
record HostState(Set<String> processes, Set<String> mounts, Set<String> netns, Set<String> links, Set<String> iptables) {

    private static final Set<String> PROGRAMS = Set.of("etcd", "containerd", "containerd-shim-runc-v2", "kube-apiserver",
            "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy", "coredns", "pause");

    static HostState capture() {
        return new HostState(kubeProcesses(), lines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" ")[4])
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)), namespaceFiles(),
                new TreeSet<>(run("ip", "-o", "link").lines().map(l -> l.split(":\\s+")[1].split("@")[0]).toList()),
                clusterRules());
    }

    private static Set<String> kubeProcesses() {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path dir : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String cmdline = read(dir.resolve("cmdline")).replace('\0', ' ').strip();
                String cgroup = read(dir.resolve("cgroup"));
                String program = cmdline.isEmpty() ? "" : Path.of(cmdline.split(" ")[0]).getFileName().toString();
                if (PROGRAMS.contains(program) || cmdline.contains("/var/tmp/otel-harness-kube/") || cgroup.contains("kubepods")) {
                    found.add(dir.getFileName() + " " + cmdline);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    private static Set<String> namespaceFiles() {
        Path dir = Path.of("/run/netns");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> clusterRules() {
        Set<String> rules = new TreeSet<>();
        for (String tool : List.of("iptables-save", "ip6tables-save")) {
            run(tool).lines().filter(l -> l.contains("KUBE-") || l.contains("CNI-")).map(l -> tool + " " + l.replaceAll("\\[\\d+:\\d+\\]", ""))
                    .forEach(rules::add);
        }
        return rules;
    }

    private static List<String> lines(Path file) {
        return read(file).lines().toList();
    }

    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the process exited meanwhile
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
