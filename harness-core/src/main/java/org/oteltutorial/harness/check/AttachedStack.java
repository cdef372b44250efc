package org.oteltutorial.harness.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackEndpoints;
import org.oteltutorial.harness.stack.cluster.FailureBundle;
import org.oteltutorial.harness.stack.cluster.ForwardedEndpoints;
import org.oteltutorial.harness.stack.cluster.KubernetesStack;
import org.oteltutorial.harness.stack.cluster.PortForwarder;

/**
 * An attendee's cluster, attached read-only for the self-check: port-forwards to what is already running. Closing it
 * closes the port-forwards and nothing else; a failed check writes a failure bundle (reads only) and keeps nothing,
 * because nothing was made.
 */
final class AttachedStack implements KubernetesStack {

    private final String cluster;
    private final ForwardedEndpoints forwarded;
    private final PortForwarder forwarder;
    private final FailureBundle failureBundle;
    private final StackContext context;
    private Path bundleDirectory;

    AttachedStack(String cluster, ForwardedEndpoints forwarded, PortForwarder forwarder, FailureBundle failureBundle, StackContext context) {
        this.cluster = cluster;
        this.forwarded = forwarded;
        this.forwarder = forwarder;
        this.failureBundle = failureBundle;
        this.context = context;
    }

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public StackEndpoints endpoints() {
        return forwarded.endpoints();
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("attached read-only to " + cluster + ": nothing was created, changed or deleted");
        notes.addAll(forwarded.notes());
        return notes;
    }

    @Override
    public FailureBundle failureBundle() {
        return failureBundle;
    }

    @Override
    public Optional<Path> failureBundleDirectory() {
        return Optional.ofNullable(bundleDirectory);
    }

    @Override
    public synchronized void markFailed() {
        if (bundleDirectory == null) {
            bundleDirectory = failureBundle.write(context.reportDir());
            context.progress().accept("failure bundle written to " + bundleDirectory);
        }
    }

    @Override
    public void close() {
        forwarder.close();
    }
}
