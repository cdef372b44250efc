package org.oteltutorial.harness.stack.local;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.topology.Endpoint;
import org.oteltutorial.harness.topology.Resolution;
import org.oteltutorial.harness.topology.Topology;
import org.oteltutorial.harness.tutorial.Workload;

/**
 * Maps every (workload, container port) of the local stack to a loopback port chosen free at start, and rewrites
 * addresses through the topology, so that an endpoint that would not resolve in a cluster fails here too.
 */
final class PortPlan {

    static final String LOOPBACK = "127.0.0.1";

    private final Topology topology;
    private final Set<String> localWorkloads;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Set<Integer> taken = new HashSet<>();

    PortPlan(Topology topology, Set<String> localWorkloads) {
        this.topology = topology;
        this.localWorkloads = Set.copyOf(localWorkloads);
    }

    /** The loopback port standing for a workload's container port. */
    int port(Workload workload, int containerPort) {
        return ports.computeIfAbsent(workload.describe() + ":" + containerPort, k -> freePort());
    }

    String listen(Workload workload, int containerPort) {
        return LOOPBACK + ":" + port(workload, containerPort);
    }

    /** An address a workload dials, pointed at the loopback port of the workload it reaches. */
    String dial(String endpoint, Workload from, String what) {
        Resolution r = topology.resolve(endpoint, from);
        if (r instanceof Resolution.Reached reached) {
            if (!localWorkloads.contains(reached.workload().describe())) {
                throw new StackStartException(what + " " + endpoint + " reaches " + reached.workload().describe()
                        + ", which the local stack does not run");
            }
            return Endpoint.parse(endpoint).rewrite(LOOPBACK, port(reached.workload(), reached.containerPort()));
        }
        if (r instanceof Resolution.Unreached u) {
            throw new StackStartException(what + " " + endpoint + " would not resolve in the cluster: " + u.reason());
        }
        throw new StackStartException(what + " " + endpoint + " points outside the stack; the local stack reaches nothing outside it");
    }

    /** Every mapping, {@code Kind ns/name:containerPort -> loopback port}, for the report. */
    Map<String, Integer> mappings() {
        return Map.copyOf(ports);
    }

    private int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = ephemeralTcpPort();
            if (!taken.contains(candidate) && udpFree(candidate)) {
                taken.add(candidate);
                return candidate;
            }
        }
        throw new StackStartException("could not find a free loopback port");
    }

    private static int ephemeralTcpPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackStartException("cannot open a loopback socket: " + e.getMessage(), e);
        }
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
