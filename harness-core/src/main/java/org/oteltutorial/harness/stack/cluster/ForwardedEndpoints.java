package org.oteltutorial.harness.stack.cluster;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oteltutorial.harness.stack.StackEndpoints;

/** Opens the port-forwards an {@link EndpointPlan} asks for and turns them into {@link StackEndpoints}. */
public final class ForwardedEndpoints {

    private final StackEndpoints endpoints;
    private final List<String> notes;

    private ForwardedEndpoints(StackEndpoints endpoints, List<String> notes) {
        this.endpoints = endpoints;
        this.notes = List.copyOf(notes);
    }

    public static ForwardedEndpoints open(EndpointPlan plan, PortForwarder forwarder) {
        Map<ForwardTarget.Role, InetSocketAddress> local = new EnumMap<>(ForwardTarget.Role.class);
        List<String> notes = new ArrayList<>();
        for (ForwardTarget target : plan.targets()) {
            InetSocketAddress address = forwarder.forward(target);
            local.put(target.role(), address);
            notes.add("port-forward " + target.describe() + " -> " + hostPort(address));
        }
        StackEndpoints endpoints = new StackEndpoints(hostPort(local.get(ForwardTarget.Role.COLLECTOR_OTLP_GRPC)),
                http(local.get(ForwardTarget.Role.COLLECTOR_OTLP_HTTP)), http(local.get(ForwardTarget.Role.PROMETHEUS)),
                http(local.get(ForwardTarget.Role.JAEGER_QUERY)), Optional.ofNullable(local.get(ForwardTarget.Role.FRONTEND)).map(ForwardedEndpoints::http));
        return new ForwardedEndpoints(endpoints, notes);
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    /** One line per forward: target and local address. */
    public List<String> notes() {
        return notes;
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof java.net.Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static URI http(InetSocketAddress address) {
        return URI.create("http://" + hostPort(address));
    }
}
