package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.stack.StackStartException;

@EnableKubernetesMockClient(crud = true)
class PodPortForwarderTest {

    KubernetesClient client;

    private static final ForwardTarget JAEGER = new ForwardTarget(ForwardTarget.Role.JAEGER_QUERY, "observability-backend",
            "Deployment observability-backend/jaeger", Map.of("app", "jaeger"), 16686);

    @Test
    void refusesToForwardToAPodThatIsNotReadyAndSaysWhy() {
        client.resource(new PodBuilder().withNewMetadata().withNamespace("observability-backend").withName("jaeger-1")
                .withLabels(Map.of("app", "jaeger")).endMetadata().withNewStatus().withPhase("Running").addNewCondition()
                .withType("Ready").withStatus("False").endCondition().addNewContainerStatus().withName("jaeger").withReady(false)
                .withRestartCount(3).withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .endContainerStatus().endStatus().build()).create();

        try (PodPortForwarder forwarder = new PodPortForwarder(client)) {
            assertThatThrownBy(() -> forwarder.forward(JAEGER))
                    .isInstanceOf(StackStartException.class)
                    .hasMessage("cannot forward to jaeger-query (Deployment observability-backend/jaeger port 16686): no Ready pod:"
                            + " pod jaeger-1: Running; container jaeger waiting CrashLoopBackOff; container jaeger restarted 3x");
        }
    }

    @Test
    void saysWhenNoPodMatches() {
        try (PodPortForwarder forwarder = new PodPortForwarder(client)) {
            assertThatThrownBy(() -> forwarder.forward(JAEGER)).hasMessageEndingWith("no Ready pod (no pod matches {app=jaeger})");
        }
    }
}
