package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.oteltutorial.harness.stack.StackStartException;

/**
 * Port-forwards through the API server to a Ready pod of the target workload (never to a Service, which would pick
 * any pod, ready or not), on a free loopback port.
 */
public final class PodPortForwarder implements PortForwarder {

    private final KubernetesClient client;
    private final List<LocalPortForward> open = Collections.synchronizedList(new ArrayList<>());

    public PodPortForwarder(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public InetSocketAddress forward(ForwardTarget target) {
        List<Pod> pods = client.pods().inNamespace(target.namespace()).withLabels(target.podSelector()).list().getItems();
        Pod pod = pods.stream().filter(Readiness::isPodReady).filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .min(Comparator.comparing(p -> p.getMetadata().getName()))
                .orElseThrow(() -> new StackStartException("cannot forward to " + target.describe() + ": no Ready pod"
                        + (pods.isEmpty() ? " (no pod matches " + target.podSelector() + ")" : ": " + String.join("; ", PodDiagnosis.describe(pods)))));
        LocalPortForward forward = client.pods().inNamespace(target.namespace()).withName(pod.getMetadata().getName())
                .portForward(target.containerPort(), InetAddress.getLoopbackAddress(), 0);
        open.add(forward);
        return new InetSocketAddress(forward.getLocalAddress(), forward.getLocalPort());
    }

    @Override
    public void close() {
        synchronized (open) {
            for (LocalPortForward forward : open) {
                try {
                    forward.close();
                } catch (IOException e) {
                    // closing a forward whose connection is already gone; nothing left to release
                }
            }
            open.clear();
        }
    }
}
