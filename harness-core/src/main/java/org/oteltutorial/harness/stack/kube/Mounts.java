package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The host's mounts, from {@code /proc/self/mountinfo}. */
final class Mounts {

    /** One mount: where, and its filesystem type. */
    record Mount(String point, String type) {
    }

    private Mounts() {
    }

    static List<Mount> all() {
        try {
            List<Mount> mounts = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] f = line.split(" ");
                int dash = java.util.Arrays.asList(f).indexOf("-");
                if (f.length > 4 && dash > 0 && dash + 1 < f.length) {
                    mounts.add(new Mount(unescape(f[4]), f[dash + 1]));
                }
            }
            return mounts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mount points of every cgroup hierarchy (v1 controllers and the unified one). */
    static List<Path> cgroupHierarchies() {
        return all().stream().filter(m -> m.type().equals("cgroup") || m.type().equals("cgroup2")).map(m -> Path.of(m.point()))
                .distinct().toList();
    }

    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
