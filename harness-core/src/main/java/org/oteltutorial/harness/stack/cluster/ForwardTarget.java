package org.oteltutorial.harness.stack.cluster;

import java.util.Map;

/**
 * A container port the harness reaches through a port-forward to a Ready pod of a workload.
 *
 * @param role what it is for the run
 * @param workload {@code Kind namespace/name}, for messages
 * @param podSelector labels every pod of the workload carries
 */
public record ForwardTarget(Role role, String namespace, String workload, Map<String, String> podSelector, int containerPort) {

    public ForwardTarget {
        podSelector = Map.copyOf(podSelector);
    }

    /** The endpoints of {@link org.oteltutorial.harness.stack.StackEndpoints}. */
    public enum Role {
        COLLECTOR_OTLP_GRPC, COLLECTOR_OTLP_HTTP, PROMETHEUS, JAEGER_QUERY, FRONTEND
    }

    public String describe() {
        return role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " (" + workload + " port " + containerPort + ")";
    }
}
