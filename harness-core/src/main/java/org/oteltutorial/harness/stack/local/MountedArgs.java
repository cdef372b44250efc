package org.oteltutorial.harness.stack.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.tutorial.MountedFiles;
import org.oteltutorial.harness.tutorial.Workload;
import io.fabric8.kubernetes.api.model.Container;

/**
 * Flags whose value is a file the pod gets from a ConfigMap ({@code --x=/etc/...}): the file is written into the
 * run's directory and the flag pointed at it.
 */
final class MountedArgs {

    private final MountedFiles files;

    MountedArgs(MountedFiles files) {
        this.files = files;
    }

    List<String> localize(List<String> args, Workload workload, Container container, Path dir) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            if (arg.startsWith("-") && eq > 0 && arg.substring(eq + 1).startsWith("/")) {
                Optional<Path> local = write(arg.substring(eq + 1), workload, container, dir);
                if (local.isPresent()) {
                    out.add(arg.substring(0, eq + 1) + local.get());
                    continue;
                }
            } else if (arg.startsWith("-") && eq < 0 && i + 1 < args.size() && args.get(i + 1).startsWith("/")) {
                // the same flag written as two arguments: --x /etc/...
                Optional<Path> local = write(args.get(i + 1), workload, container, dir);
                if (local.isPresent()) {
                    out.add(arg);
                    out.add(local.get().toString());
                    i++;
                    continue;
                }
            }
            out.add(arg);
        }
        return out;
    }

    /** Writes the ConfigMap entry mounted at {@code path} into {@code dir}; empty when no ConfigMap provides it. */
    private Optional<Path> write(String path, Workload workload, Container container, Path dir) {
        return files.find(workload, container, path).map(file -> {
            Path local = dir.resolve(Path.of(file.path()).getFileName().toString());
            RunFiles.write(local, file.text());
            return local;
        });
    }
}
