package org.oteltutorial.harness.stack.kube;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.oteltutorial.harness.images.BinaryCache;
import org.oteltutorial.harness.images.Catalogue;
import org.oteltutorial.harness.stack.EnvironmentException;

/** What {@code ./harness prepare} does for the kube stack, and {@code ./harness down} for a kept one. */
public final class KubePreparation {

    private KubePreparation() {
    }

    /** Whether this machine can run the kube stack at all (root on Linux). */
    public static boolean applicable() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux") && KubeStackProvider.isRoot();
    }

    /**
     * Installs the Debian packages that are missing (with apt-get) and builds Kubernetes and CoreDNS once.
     *
     * @throws EnvironmentException naming the apt-get line when the packages cannot be installed
     */
    public static void prepare(Consumer<String> progress) {
        if (!KubeBinaries.missingHostPrograms().isEmpty()) {
            progress.accept("prepare: installing " + String.join(" ", KubeBinaries.PACKAGES) + " (apt-get)");
            List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
            install.addAll(KubeBinaries.PACKAGES);
            HostCommand.Result result = HostCommand.run(install);
            if (!result.ok()) {
                HostCommand.run(List.of("apt-get", "update"));
                result = HostCommand.run(install);
            }
            if (!result.ok() || !KubeBinaries.missingHostPrograms().isEmpty()) {
                throw new EnvironmentException("the kube stack needs Debian packages that could not be installed; run apt-get update && "
                        + KubeBinaries.APT_LINE);
            }
        }
        KubeBinaries.ensure(Catalogue.bundled(), BinaryCache.fromEnvironment(), progress);
    }

    /**
     * Stops the kept kube cluster of a run, from {@code REPORT_DIR/kube/cluster.json}.
     *
     * @return the problems cleanup met (empty: the host is as it was)
     * @throws EnvironmentException when the directory holds no kube cluster
     */
    public static List<String> down(Path reportDir, Consumer<String> progress) {
        Path record = reportDir.resolve("kube").resolve("cluster.json");
        if (!java.nio.file.Files.isRegularFile(record)) {
            throw new EnvironmentException(reportDir + " holds no kept kube cluster (no kube/cluster.json); pass the report directory of a"
                    + " run with --stack kube --keep");
        }
        return KubeCluster.stop(record, progress);
    }
}
