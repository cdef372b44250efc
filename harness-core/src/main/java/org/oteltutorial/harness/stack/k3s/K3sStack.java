package org.oteltutorial.harness.stack.k3s;

import java.util.ArrayList;
import java.util.List;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackEndpoints;
import org.oteltutorial.harness.stack.cluster.ClusterDeployment;
import org.oteltutorial.harness.stack.cluster.DeployedStack;
import org.testcontainers.k3s.K3sContainer;

/**
 * The tutorial on a throw-away k3s in Docker. Closing it closes the port-forwards and removes the container, unless a
 * check failed and the run keeps things on failure.
 */
public final class K3sStack implements DeployedStack {

    private final K3sContainer k3s;
    private final ClusterDeployment deployment;
    private final StackEndpoints endpoints;
    private final List<String> notes;
    private final StackContext context;
    private final List<String> closeNotes = new ArrayList<>();
    private boolean closed;

    K3sStack(K3sContainer k3s, ClusterDeployment deployment, StackEndpoints endpoints, List<String> notes, StackContext context) {
        this.k3s = k3s;
        this.deployment = deployment;
        this.endpoints = endpoints;
        this.notes = List.copyOf(notes);
        this.context = context;
    }

    @Override
    public String name() {
        return "k3s";
    }

    @Override
    public StackEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        all.addAll(deployment.notes());
        all.addAll(closeNotes);
        return all;
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
        deployment.client().close();
        if (deployment.failed() && context.keepOnFailure()) {
            closeNotes.add(K3sStackProvider.keptNote(k3s, context));
            context.progress().accept(closeNotes.get(closeNotes.size() - 1));
        } else {
            k3s.stop();
        }
    }
}
