package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cluster that records, in order, every apply and every wait; it can refuse applies with queued errors (as a webhook
 * that is not serving yet would). Server-side apply needs a real API server (the CRUD mock answers 415), so the
 * step order is tested against this.
 */
final class RecordingCluster implements ResourceApplier, ClusterWaiter {

    final List<String> events = new ArrayList<>();
    final List<HasMetadata> appliedObjects = new ArrayList<>();
    final Set<String> existing = new HashSet<>();
    final Deque<KubernetesClientException> refusals = new ArrayDeque<>();

    @Override
    public Applied apply(HasMetadata resource) {
        ObjectRef ref = ObjectRef.of(resource);
        if (!refusals.isEmpty()) {
            events.add("refused " + ref.describe());
            throw refusals.pop();
        }
        events.add("apply " + ref.describe() + images(resource));
        appliedObjects.add(resource);
        return new Applied(ref, !existing.contains(ref.describe()));
    }

    private static String images(HasMetadata resource) {
        if (resource instanceof Deployment d) {
            List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
            return " " + containers.stream().map(Container::getImage).collect(Collectors.joining(",", "[", "]"));
        }
        return "";
    }

    @Override
    public void crdEstablished(String name, Duration timeout) {
        events.add("established " + name);
    }

    @Override
    public void deploymentReady(String namespace, String name, Duration timeout) {
        events.add("ready Deployment " + namespace + "/" + name);
    }

    @Override
    public void podsInjected(String namespace, String name, Duration timeout) {
        events.add("injected Deployment " + namespace + "/" + name);
    }

    @Override
    public void webhookCaInjected(String kind, String name, Duration timeout) {
        events.add("ca-injected " + kind + " " + name);
    }

    int indexOf(String event) {
        int i = events.indexOf(event);
        if (i < 0) {
            throw new AssertionError("no event '" + event + "' in " + events);
        }
        return i;
    }

    int firstIndexStartingWith(String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no event starting with '" + prefix + "' in " + events);
    }
}
