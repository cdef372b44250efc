package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Locale;
import org.oteltutorial.harness.stack.EnvironmentException;

/**
 * The addresses of one cluster: the node (its name and the host's own IPv4 address), the ports of etcd and the API
 * server, and the ranges of Services and pods.
 *
 * @param bridge the CNI bridge this cluster's pods hang on (its own name, so cleanup removes exactly it)
 */
record KubeAddresses(String nodeName, String nodeIp, int apiServerPort, int etcdPort, int etcdPeerPort, int proxyMetricsPort, String bridge) {

    static final String SERVICE_CIDR = "10.96.0.0/12";
    static final String KUBERNETES_SERVICE_IP = "10.96.0.1";
    static final String DNS_SERVICE_IP = "10.96.0.10";
    /** One node, one /24: the controller-manager allocates exactly this range to the node, the CNI config uses it. */
    static final String POD_CIDR = "10.244.0.0/24";
    static final String CLUSTER_DOMAIN = "cluster.local";
    static final String CNI_NETWORK = "otel-harness-kube";

    static KubeAddresses pick() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            host = "harness-node";
        }
        return new KubeAddresses(host.replaceAll("[^a-z0-9.-]", "-"), hostAddress(), freePort(), freePort(), freePort(), freePort(), "oth-kube0");
    }

    String apiServerUrl() {
        return "https://" + nodeIp + ":" + apiServerPort;
    }

    String etcdUrl() {
        return "http://127.0.0.1:" + etcdPort;
    }

    /** The first IPv4 address of an interface that is up and not loopback: the address other hosts know this node by. */
    private static String hostAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || nic.getName().startsWith("oth-") || nic.getName().startsWith("veth")) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        throw new EnvironmentException("the kube stack needs a network interface with an IPv4 address (the node's address); none is up");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
