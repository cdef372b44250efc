package org.oteltutorial.harness.stack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.tutorial.Step06;

class PortPlanTest {

    private final LocalStackFixture stack = new LocalStackFixture(Step06.bundled());

    @Test
    void oneLoopbackPortPerWorkloadAndContainerPort() {
        int query = stack.ports.port(stack.jaeger.workload(), 16686);

        assertThat(stack.ports.port(stack.jaeger.workload(), 16686)).isEqualTo(query);
        assertThat(stack.ports.port(stack.jaeger.workload(), 4317)).isNotEqualTo(query);
        assertThat(stack.ports.port(stack.prometheus.workload(), 16686)).isNotEqualTo(query);
        assertThat(stack.ports.listen(stack.jaeger.workload(), 16686)).isEqualTo("127.0.0.1:" + query);
        assertThat(query).isBetween(1024, 65535);
    }

    @Test
    void dialingThroughAServiceReachesTheContainerPortsLoopbackPort() {
        String dialed = stack.ports.dial("http://jaeger-query.observability-backend:16686/api", stack.collector.workload(), "test");

        assertThat(dialed).isEqualTo("http://127.0.0.1:" + stack.ports.port(stack.jaeger.workload(), 16686) + "/api");
    }

    @Test
    void aWorkloadTheLocalStackDoesNotRunCannotBeDialed() {
        assertThatThrownBy(() -> stack.ports.dial("backend1-service.tutorial-application:5000", stack.collector.workload(), "exporter x"))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("exporter x backend1-service.tutorial-application:5000 reaches")
                .hasMessageContaining("backend1")
                .hasMessageContaining("which the local stack does not run");
    }

    @Test
    void anAddressOutsideTheStackCannotBeDialed() {
        assertThatThrownBy(() -> stack.ports.dial("10.0.0.7:4317", stack.collector.workload(), "exporter y"))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("exporter y 10.0.0.7:4317 points outside the stack");
    }
}
