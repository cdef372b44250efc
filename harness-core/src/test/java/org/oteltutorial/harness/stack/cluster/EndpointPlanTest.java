package org.oteltutorial.harness.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.stack.StackEndpoints;
import org.oteltutorial.harness.stack.StackStartException;
import org.oteltutorial.harness.stack.cluster.ForwardTarget.Role;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StackModel;

class EndpointPlanTest {

    private static final StackModel STEP_06 = StackModel.from(new ManifestLoader().bundled());

    @Test
    void targetsAreDerivedFromTheManifests() {
        EndpointPlan plan = EndpointPlan.of(STEP_06);

        assertThat(plan.targets()).extracting(ForwardTarget::describe).containsExactly(
                "collector-otlp-grpc (Deployment (from OpenTelemetryCollector) observability-backend/otel-collector port 4317)",
                "collector-otlp-http (Deployment (from OpenTelemetryCollector) observability-backend/otel-collector port 4318)",
                "prometheus (Deployment observability-backend/prometheus port 9090)",
                "jaeger-query (Deployment observability-backend/jaeger port 16686)",
                "frontend (Deployment tutorial-application/frontend-deployment port 4000)");
        assertThat(plan.target(Role.COLLECTOR_OTLP_GRPC).orElseThrow().podSelector())
                .containsEntry("app.kubernetes.io/instance", "observability-backend.otel")
                .containsEntry("app.kubernetes.io/managed-by", "opentelemetry-operator");
        assertThat(plan.target(Role.FRONTEND).orElseThrow().podSelector()).isEqualTo(Map.of("app", "frontend"));
    }

    @Test
    void withoutTheAppThereIsNoFrontend() {
        List<SourcedResource> backendOnly = new ArrayList<>(STEP_06.manifests().resources());
        backendOnly.removeIf(r -> r.origin().equals("step-06/app.yaml"));

        EndpointPlan plan = EndpointPlan.of(StackModel.from(new Manifests(backendOnly)));

        assertThat(plan.target(Role.FRONTEND)).isEmpty();
        assertThat(plan.targets()).hasSize(4);
    }

    @Test
    void withoutJaegerThereIsNothingToVerifyAgainst() {
        List<SourcedResource> noJaeger = new ArrayList<>(STEP_06.manifests().resources());
        noJaeger.removeIf(r -> r.name().equals("jaeger") && r.kind().equals("Deployment"));

        assertThatThrownBy(() -> EndpointPlan.of(StackModel.from(new Manifests(noJaeger))))
                .isInstanceOf(StackStartException.class).hasMessage("the model has no Jaeger");
    }

    @Test
    void forwardedPortsBecomeTheStackEndpoints() {
        List<ForwardTarget> asked = new ArrayList<>();
        PortForwarder fake = new PortForwarder() {
            @Override
            public InetSocketAddress forward(ForwardTarget target) {
                asked.add(target);
                return new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000 + asked.size());
            }

            @Override
            public void close() {
            }
        };

        ForwardedEndpoints forwarded = ForwardedEndpoints.open(EndpointPlan.of(STEP_06), fake);

        assertThat(forwarded.endpoints()).isEqualTo(new StackEndpoints("127.0.0.1:40001", URI.create("http://127.0.0.1:40002"),
                URI.create("http://127.0.0.1:40003"), URI.create("http://127.0.0.1:40004"), Optional.of(URI.create("http://127.0.0.1:40005"))));
        assertThat(forwarded.notes()).first().isEqualTo(
                "port-forward collector-otlp-grpc (Deployment (from OpenTelemetryCollector) observability-backend/otel-collector port 4317) -> 127.0.0.1:40001");
    }
}
