package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorCollectorConventionTest {

    private static OperatorCollectorConvention.Rendered render(String yaml) {
        List<SourcedResource> parsed = new ManifestLoader().parse("cr.yaml", yaml);
        return new OperatorCollectorConvention().render(parsed.get(0));
    }

    private static SourcedService service(OperatorCollectorConvention.Rendered r, String name) {
        return r.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                "no Service " + name + " in " + r.services().stream().map(SourcedService::name).toList()));
    }

    @Test
    void theBundledCrGivesTheCollectorServiceWithReceiverAndSpecPorts() {
        SourcedResource cr = new ManifestLoader().bundled().ofKind("OpenTelemetryCollector").get(0);
        OperatorCollectorConvention.Rendered r = new OperatorCollectorConvention().render(cr);

        assertThat(service(r, "otel-collector").service().getSpec().getPorts())
                .extracting(ServicePort::getName, ServicePort::getPort, p -> p.getTargetPort().getIntVal())
                .containsExactly(tuple("otlp-grpc", 4317, 4317), tuple("otlp-http", 4318, 4318), tuple("metrics", 8888, 8888));
        assertThat(service(r, "otel-collector-monitoring").service().getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(8888);
        assertThat(r.services()).allSatisfy(s -> {
            assertThat(s.namespace()).isEqualTo("observability-backend");
            assertThat(s.source()).isSameAs(cr);
            assertThat(r.collector().workload().matches(s.service().getSpec().getSelector())).isTrue();
        });
        assertThat(r.collector().workload().containers()).singleElement().satisfies(c -> {
            assertThat(c.getImage()).endsWith("opentelemetry-collector-contrib:0.94.0");
            assertThat(c.getPorts()).extracting(ContainerPort::getContainerPort).containsExactly(4317, 4318, 8888);
        });
    }

    @Test
    void theHeadlessServiceHasTheSamePorts() {
        SourcedResource cr = new ManifestLoader().bundled().ofKind("OpenTelemetryCollector").get(0);
        OperatorCollectorConvention.Rendered r = new OperatorCollectorConvention().render(cr);

        SourcedService headless = service(r, "otel-collector-headless");
        assertThat(headless.service().getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.service().getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(4317, 4318, 8888);
    }

    @Test
    void v1beta1ConfigIsAnObjectAndOtlpProtocolsWithoutEndpointGetTheirDefaultPorts() {
        OperatorCollectorConvention.Rendered r = render("""
                apiVersion: opentelemetry.io/v1beta1
                kind: OpenTelemetryCollector
                metadata: {name: gw, namespace: obs}
                spec:
                  mode: statefulset
                  image: otel/opentelemetry-collector-contrib:0.110.0
                  config:
                    receivers:
                      otlp:
                        protocols: {grpc: {}, http: {}}
                      zipkin: {endpoint: '0.0.0.0:9411'}
                      otlp/internal:
                        protocols:
                          grpc: {endpoint: '${env:MY_POD_IP}:14317'}
                    exporters: {debug: {}}
                    service:
                      pipelines:
                        traces: {receivers: [otlp, zipkin, otlp/internal], exporters: [debug]}
                """);

        assertThat(service(r, "gw-collector").service().getSpec().getPorts()).extracting(ServicePort::getName, ServicePort::getPort)
                .containsExactly(tuple("otlp-grpc", 4317), tuple("otlp-http", 4318), tuple("zipkin", 9411), tuple("otlp-internal-grpc", 14317));
        assertThat(r.collector().workload().describe()).isEqualTo("Statefulset (from OpenTelemetryCollector) obs/gw-collector");
        assertThat(r.collector().config().pipelines()).singleElement().satisfies(p -> assertThat(p.receivers()).hasSize(3));
        assertThat(r.collector().version()).hasValue(new Version(0, 110, 0));
    }

    @Test
    void aCrWithoutImageHasNoVersion() {
        OperatorCollectorConvention.Rendered r = render("""
                apiVersion: opentelemetry.io/v1alpha1
                kind: OpenTelemetryCollector
                metadata: {name: otel, namespace: obs}
                spec:
                  config: |
                    receivers: {otlp: {protocols: {grpc: {}}}}
                    exporters: {debug: {}}
                    service: {pipelines: {traces: {receivers: [otlp], exporters: [debug]}}}
                """);

        assertThat(r.collector().image()).isNull();
        assertThat(r.collector().version()).isEmpty();
    }

    @Test
    void aCrWithoutConfigIsBadInput() {
        assertThatThrownBy(() -> render("apiVersion: opentelemetry.io/v1alpha1\nkind: OpenTelemetryCollector\nmetadata: {name: otel, namespace: obs}\n"
                + "spec: {mode: deployment}\n")).isInstanceOf(ManifestException.class)
                .hasMessage("cr.yaml:1 OpenTelemetryCollector obs/otel spec.config: missing (the collector has no configuration)");
    }

    @Test
    void aConfigThatIsNotYamlIsBadInputNamingTheCrAndTheConfigLine() {
        assertThatThrownBy(() -> render("""
                apiVersion: opentelemetry.io/v1alpha1
                kind: OpenTelemetryCollector
                metadata: {name: otel, namespace: obs}
                spec:
                  config: |
                    receivers:
                      otlp: {protocols: {grpc: {}}
                    exporters: {debug: {}}
                """)).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("cr.yaml:1 OpenTelemetryCollector obs/otel spec.config: not valid YAML at config line ");
    }

    @Test
    void aConfigThatIsNotAMappingIsBadInput() {
        assertThatThrownBy(() -> render("apiVersion: opentelemetry.io/v1alpha1\nkind: OpenTelemetryCollector\n"
                + "metadata: {name: otel, namespace: obs}\nspec: {config: 'just text'}\n")).isInstanceOf(ManifestException.class)
                .hasMessageEndingWith("spec.config: the config is not a mapping of receivers, processors, exporters and service");
    }
}
