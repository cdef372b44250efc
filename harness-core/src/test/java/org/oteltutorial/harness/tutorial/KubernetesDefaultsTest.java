package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oteltutorial.harness.topology.Resolution;
import org.oteltutorial.harness.topology.Topology;

class KubernetesDefaultsTest {

    private final ManifestLoader loader = new ManifestLoader();
    private final KubernetesDefaults defaults = new KubernetesDefaults();

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: collector, namespace: obs}
            spec:
              selector: {app: jaeger}
              ports:
                - {name: grpc-otlp, port: 4317, targetPort: 0}
                - {name: http-otlp, port: 4318}
                - {name: empty, port: 14250, targetPort: ""}
                - {name: named, port: 16686, targetPort: query}
                - {name: numbered, port: 80, targetPort: 9090, protocol: UDP}
            """;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: jaeger, namespace: obs}
            spec:
              selector: {matchLabels: {app: jaeger}}
              template:
                metadata: {labels: {app: jaeger}}
                spec:
                  containers:
                    - name: latest
                      image: jaegertracing/all-in-one:latest
                      ports: [{containerPort: 4317}, {containerPort: 4318}, {containerPort: 14250}, {name: query, containerPort: 16686}]
                      env:
                        - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                      readinessProbe: {httpGet: {port: 14269}}
                      volumeMounts: [{name: conf, mountPath: /etc/conf}, {name: scratch, mountPath: /tmp}]
                    - {name: untagged, image: jaegertracing/all-in-one}
                    - {name: pinned, image: "jaegertracing/all-in-one:1.54.0"}
                    - {name: digest, image: "jaegertracing/all-in-one@sha256:0000000000000000000000000000000000000000000000000000000000000000"}
                  volumes:
                    - {name: conf, configMap: {name: jaeger-conf}}
                    - {name: scratch}
            """;

    private Service service() {
        return (Service) defaults.apply(loader.parse("svc.yaml", SERVICE).get(0).resource());
    }

    private Deployment deployment() {
        return (Deployment) defaults.apply(loader.parse("deploy.yaml", DEPLOYMENT).get(0).resource());
    }

    @ParameterizedTest(name = "{0}: targetPort {1}")
    @CsvSource({"grpc-otlp, 4317", "http-otlp, 4318", "empty, 14250", "numbered, 9090"})
    void aServicePortWithoutTargetOrWithZeroOrEmptyTargetsItsOwnPort(String name, int expected) {
        assertThat(port(service(), name).getTargetPort()).isEqualTo(new IntOrString(expected));
    }

    @Test
    void aNamedTargetPortStaysANameAndProtocolsDefaultToTcp() {
        Service service = service();
        assertThat(port(service, "named").getTargetPort()).isEqualTo(new IntOrString("query"));
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getProtocol).containsExactly("TCP", "TCP", "TCP", "TCP", "UDP");
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSessionAffinity()).isEqualTo("None");
    }

    @Test
    void theInputObjectIsNotChanged() {
        Service written = (Service) loader.parse("svc.yaml", SERVICE).get(0).resource();
        defaults.apply(written);
        assertThat(port(written, "grpc-otlp").getTargetPort()).isEqualTo(new IntOrString(0));
        assertThat(port(written, "http-otlp").getTargetPort()).isNull();
    }

    @Test
    void podTemplateFieldsGetTheApiServersDefaults() {
        Deployment d = deployment();
        var spec = d.getSpec().getTemplate().getSpec();
        assertThat(d.getSpec().getReplicas()).isEqualTo(1);
        assertThat(spec.getRestartPolicy()).isEqualTo("Always");
        assertThat(spec.getDnsPolicy()).isEqualTo("ClusterFirst");
        assertThat(spec.getTerminationGracePeriodSeconds()).isEqualTo(30L);
        assertThat(spec.getSchedulerName()).isEqualTo("default-scheduler");
        assertThat(spec.getContainers()).extracting(Container::getImagePullPolicy)
                .containsExactly("Always", "Always", "IfNotPresent", "IfNotPresent");
        Container first = spec.getContainers().get(0);
        assertThat(first.getPorts()).allSatisfy(p -> assertThat(p.getProtocol()).isEqualTo("TCP")).hasSize(4);
        assertThat(first.getEnv().get(0).getValueFrom().getFieldRef().getApiVersion()).isEqualTo("v1");
        assertThat(first.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/");
        assertThat(first.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTP");
        assertThat(first.getReadinessProbe().getTimeoutSeconds()).isEqualTo(1);
        assertThat(first.getReadinessProbe().getPeriodSeconds()).isEqualTo(10);
        assertThat(first.getReadinessProbe().getFailureThreshold()).isEqualTo(3);
        assertThat(first.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
        assertThat(spec.getVolumes().get(0).getConfigMap().getDefaultMode()).isEqualTo(0644);
        assertThat(spec.getVolumes().get(1).getEmptyDir()).isNotNull();
    }

    @Test
    void theModelResolvesAnEndpointThroughAZeroTargetPort() {
        Manifests manifests = new Manifests(List.of(loader.parse("svc.yaml", SERVICE).get(0), loader.parse("deploy.yaml", DEPLOYMENT).get(0)));
        StackModel model = StackModel.from(manifests);
        Workload jaeger = model.workloads().get(0);

        assertThat(Topology.of(model).resolve("collector.obs:4317", jaeger)).isInstanceOfSatisfying(Resolution.Reached.class,
                r -> assertThat(r.containerPort()).isEqualTo(4317));
        assertThat(Topology.of(model).resolve("collector.obs:16686", jaeger)).isInstanceOfSatisfying(Resolution.Reached.class,
                r -> assertThat(r.containerPort()).isEqualTo(16686));
    }

    private static ServicePort port(Service service, String name) {
        return service.getSpec().getPorts().stream().filter(p -> name.equals(p.getName())).findFirst().orElseThrow();
    }
}
