package org.oteltutorial.harness.stack.cluster;

import java.net.InetSocketAddress;

/**
 * Opens port-forwards to Ready pods and closes them all at the end. A port-forward is a {@code create} on the
 * {@code pods/portforward} subresource: the one non-read the read-only self-check makes.
 */
public interface PortForwarder extends AutoCloseable {

    /** Forwards a loopback port to the target's container port on a Ready pod; returns the local address. */
    InetSocketAddress forward(ForwardTarget target);

    /** Closes every forward opened so far. */
    @Override
    void close();
}
