package org.oteltutorial.harness.stack.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackEndpoints;

/**
 * The tutorial deployed into an existing cluster ({@code ./harness run --stack cluster}). Closing it deletes exactly
 * the objects this run created, newest first (never ones that existed before), unless a check failed and the run
 * keeps things on failure.
 */
public final class ClusterStack implements DeployedStack {

    private final ClusterDeployment deployment;
    private final StackEndpoints endpoints;
    private final StackContext context;
    private final String cluster;
    private final Duration customResourceGone;
    private final List<String> closeNotes = new ArrayList<>();
    private final List<String> planNotes;
    private boolean closed;

    ClusterStack(ClusterDeployment deployment, StackEndpoints endpoints, StackContext context, String cluster, Duration customResourceGone,
            List<String> planNotes) {
        this.planNotes = List.copyOf(planNotes);
        this.deployment = deployment;
        this.endpoints = endpoints;
        this.context = context;
        this.cluster = cluster;
        this.customResourceGone = customResourceGone;
    }

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public StackEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("cluster: " + cluster);
        notes.addAll(planNotes);
        notes.addAll(deployment.notes());
        notes.add("created by this run (removed at the end unless kept on failure): " + deployment.created().size() + " objects");
        notes.addAll(closeNotes);
        return notes;
    }

    @Override
    public ClusterDeployment deployment() {
        return deployment;
    }

    /** The objects this run created, in creation order. */
    public List<ObjectRef> created() {
        return deployment.created();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        deployment.close();
        try {
            if (deployment.failed() && context.keepOnFailure()) {
                closeNotes.add("kept on failure: the " + deployment.created().size() + " objects this run created are still in "
                        + cluster + "; they carry the field manager " + ServerSideApplier.FIELD_MANAGER);
                context.progress().accept(closeNotes.get(closeNotes.size() - 1));
            } else {
                List<String> problems = new ObjectCleanup(deployment.client(), context.progress(), customResourceGone)
                        .deleteInReverse(deployment.created());
                problems.forEach(p -> closeNotes.add("cleanup: " + p));
            }
        } finally {
            deployment.client().close();
        }
    }
}
