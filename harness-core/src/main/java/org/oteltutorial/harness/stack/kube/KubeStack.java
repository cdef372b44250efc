package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackEndpoints;
import org.oteltutorial.harness.stack.cluster.ClusterDeployment;
import org.oteltutorial.harness.stack.cluster.DeployedStack;

/**
 * The tutorial deployed into a {@link KubeCluster} of this run. Closing it stops the cluster and cleans the host, unless
 * the run keeps it ({@code --keep}, or {@code --keep-on-failure} after a failed check): then it writes
 * {@code <report>/kubeconfig} and says how to reach and stop the cluster.
 */
final class KubeStack implements DeployedStack {

    private final KubeCluster cluster;
    private final ClusterDeployment deployment;
    private final StackContext context;
    private final List<String> notes;
    private StackEndpoints endpoints;
    private boolean closed;

    KubeStack(KubeCluster cluster, ClusterDeployment deployment, StackContext context, List<String> notes) {
        this.cluster = cluster;
        this.deployment = deployment;
        this.context = context;
        this.notes = new ArrayList<>(notes);
    }

    void deploy() {
        endpoints = deployment.deploy();
        notes.addAll(deployment.notes());
    }

    @Override
    public String name() {
        return "kube";
    }

    @Override
    public StackEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public ClusterDeployment deployment() {
        return deployment;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        deployment.close();
        if (context.keep() || deployment.failed() && context.keepOnFailure()) {
            keep(cluster, context);
        } else {
            cluster.close();
        }
    }

    /** Leaves the cluster up: writes the admin kubeconfig into the report directory and prints how to use it. */
    static void keep(KubeCluster cluster, StackContext context) {
        try {
            Files.copy(cluster.adminKubeconfig(), cluster.layout().kubeconfig(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cluster.detach();
        context.progress().accept("kube: the cluster keeps running. Reach it with: kubectl --kubeconfig " + cluster.layout().kubeconfig()
                + " get pods -A   (or ./harness check --kubeconfig " + cluster.layout().kubeconfig() + " --as " + SelfCheckAccess.USER
                + "); stop it with: ./harness down " + context.reportDir());
    }
}
