package org.oteltutorial.harness.stack.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.tutorial.ConfigFile;
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
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("-") && eq > 0 && arg.substring(eq + 1).startsWith("/")) {
                Optional<ConfigFile> file = files.find(workload, container, arg.substring(eq + 1));
                if (file.isPresent()) {
                    Path local = dir.resolve(Path.of(file.get().path()).getFileName().toString());
                    CollectorLaunch.write(local, file.get().text());
                    out.add(arg.substring(0, eq + 1) + local);
                    continue;
                }
            }
            out.add(arg);
        }
        return out;
    }
}
