package org.oteltutorial.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServicePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.SourcedService;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Workload;

class TopologyTest {

    /** A small two-namespace stack: Prometheus-like {@code prom}, a port-less {@code client}, a collector CR. */
    private static final String STACK = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: prom, namespace: obs}
            spec:
              selector: {matchLabels: {app: prom}}
              template:
                metadata: {labels: {app: prom, tier: backend}}
                spec:
                  containers:
                    - name: prometheus
                      image: quay.io/prometheus/prometheus:v2.47.2
                      ports: [{name: web, containerPort: 9090}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: prometheus, namespace: obs}
            spec:
              selector: {app: prom}
              ports: [{port: 80, targetPort: 9090}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: prom-named, namespace: obs}
            spec:
              selector: {app: prom}
              ports: [{port: 9090, targetPort: web}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: prom-same, namespace: obs}
            spec:
              selector: {app: prom}
              ports: [{port: 9090}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: orphan, namespace: obs}
            spec:
              selector: {app: nothing}
              ports: [{port: 80, targetPort: 9090}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: noselector, namespace: obs}
            spec:
              ports: [{port: 80, targetPort: 9090}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: wrongtarget, namespace: obs}
            spec:
              selector: {app: prom}
              ports: [{port: 81, targetPort: 9191}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: wrongname, namespace: obs}
            spec:
              selector: {app: prom}
              ports: [{port: 81, targetPort: http}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db, namespace: obs}
            spec:
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres:16.1, ports: [{containerPort: 5432}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: obs}
            spec:
              selector: {app: db}
              ports: [{port: 5432}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: client, namespace: apps}
            spec:
              selector: {matchLabels: {app: client}}
              template:
                metadata: {labels: {app: client}}
                spec:
                  containers: [{name: client, image: client:1.0.0}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: client, namespace: apps}
            spec:
              selector: {app: client}
              ports: [{port: 8080}]
            ---
            apiVersion: opentelemetry.io/v1alpha1
            kind: OpenTelemetryCollector
            metadata: {name: otel, namespace: obs}
            spec:
              image: otel/opentelemetry-collector-contrib:0.94.0
              ports: [{name: metrics, port: 8888, protocol: TCP}]
              config: |
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: 0.0.0.0:4317}
                      http: {endpoint: 0.0.0.0:4318}
                exporters:
                  debug: {}
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: [debug]}
            """;

    private static final StackModel MODEL = StackModel.from(new Manifests(new ManifestLoader().parse("stack.yaml", STACK)));
    private static final Topology TOPOLOGY = Topology.of(MODEL);

    private static Workload workload(String name) {
        return MODEL.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private static SourcedService service(String name) {
        return MODEL.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} from {1} reaches {2} port {3}")
    @CsvSource(textBlock = """
            prometheus:80,                            prom,   prom,           9090
            prometheus.obs:80,                        client, prom,           9090
            prometheus.obs.svc:80,                    client, prom,           9090
            prometheus.obs.svc.cluster.local:80,      client, prom,           9090
            prometheus.obs.svc.cluster.local.:80,     client, prom,           9090
            http://prometheus.obs,                    client, prom,           9090
            http://prometheus.obs.svc.cluster.local/api/v1/otlp/v1/metrics, client, prom, 9090
            prom-named.obs:9090,                      client, prom,           9090
            prom-same.obs:9090,                       client, prom,           9090
            db.obs:5432,                              client, db,             5432
            db:5432,                                  prom,   db,             5432
            client:8080,                              client, client,         8080
            otel-collector.obs:4317,                  client, otel-collector, 4317
            http://otel-collector.obs:4318,           client, otel-collector, 4318
            otel-collector.obs:8888,                  client, otel-collector, 8888
            otel-collector-monitoring.obs:8888,       client, otel-collector, 8888
            otel-collector-headless.obs:4317,         client, otel-collector, 4317
            """)
    void reachesTheContainerPortBehindTheService(String endpoint, String from, String workload, int containerPort) {
        Resolution r = TOPOLOGY.resolve(endpoint, workload(from));

        assertThat(r).isInstanceOfSatisfying(Resolution.Reached.class, reached -> {
            assertThat(reached.workload().name()).isEqualTo(workload);
            assertThat(reached.containerPort()).isEqualTo(containerPort);
            assertThat(reached.service()).isNotNull();
            assertThat(reached.describe()).startsWith(endpoint + " → Service ").endsWith(" port " + containerPort);
        });
    }

    @Test
    void describesEveryHop() {
        Resolution r = TOPOLOGY.resolve("http://prometheus.obs", workload("client"));

        assertThat(((Resolution.Reached) r).describe())
                .isEqualTo("http://prometheus.obs → Service obs/prometheus port 80 → Deployment obs/prom port 9090");
    }

    @ParameterizedTest(name = "{0} from {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            prometheus:80                  | client | no Service apps/prometheus (there is one in namespace obs: write prometheus.obs)
            prometheus.obs:9090            | client | Service obs/prometheus has no port 9090 (it has [80])
            https://prometheus.obs         | client | Service obs/prometheus has no port 443 (it has [80])
            orphan.obs:80                  | client | Service obs/orphan selects {app=nothing}, which no workload's pod labels match
            noselector.obs:80              | client | Service obs/noselector has no selector, so it selects no workload of the stack
            wrongtarget.obs:81             | client | Service obs/wrongtarget port 81 targets port 9191, but Deployment obs/prom does not listen there
            wrongname.obs:81               | client | Service obs/wrongname port 81 targets the port named 'http', but Deployment obs/prom does not listen there
            missing.obs:80                 | client | no Service obs/missing
            otel-collector.obs:4319        | client | Service obs/otel-collector has no port 4319 (it has [4317, 4318, 8888])
            prometheus.ob:80               | client | no Service ob/prometheus (there is one in namespace obs: write prometheus.obs)
            127.0.0.1:9999                 | prom   | loopback inside Deployment obs/prom, whose containers do not listen on 9999
            localhost:9090                 | client | loopback inside Deployment apps/client, whose containers do not listen on 9090
            prometheus                     | client | no port given and none implied by a scheme
            prometheus.obs:http            | client | not host:port: prometheus.obs:http
            """)
    void saysWhichHopFails(String endpoint, String from, String reason) {
        Resolution r = TOPOLOGY.resolve(endpoint, workload(from));

        assertThat(r).isInstanceOfSatisfying(Resolution.Unreached.class, u -> {
            assertThat(u.reason()).isEqualTo(reason);
            assertThat(u.endpoint().raw()).isEqualTo(endpoint);
        });
    }

    @Test
    void anEmptyNamespaceIsTheDefaultNamespaceForServicesAsForWorkloads() {
        String text = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: ""}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: 'nginx:1.25', ports: [{containerPort: 8080}]}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: ""}
                spec:
                  selector: {app: web}
                  ports: [{port: 80, targetPort: 8080}]
                """;
        StackModel model = StackModel.from(new Manifests(new ManifestLoader().parse("web.yaml", text)));

        assertThat(model.services()).singleElement().satisfies(s -> assertThat(s.describe()).isEqualTo("Service default/web"));
        assertThat(Topology.of(model).resolve("web.default:80", model.workloads().get(0))).isInstanceOf(Resolution.Reached.class);
        assertThat(Topology.of(model).resolve("web:80", model.workloads().get(0))).isInstanceOf(Resolution.Reached.class);
    }

    @Test
    void loopbackReachesAContainerOfTheSamePod() {
        Resolution r = TOPOLOGY.resolve("localhost:9090", workload("prom"));

        assertThat(r).isInstanceOfSatisfying(Resolution.Reached.class, reached -> {
            assertThat(reached.workload()).isEqualTo(workload("prom"));
            assertThat(reached.service()).isNull();
            assertThat(reached.describe()).isEqualTo("localhost:9090 → inside the pod → Deployment obs/prom port 9090");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10.0.0.12:4317", "http://10.0.0.12", "[fd00::1]:4317", "http://[fd00::1]:4317", "otlp.example.com:4317",
            "https://api.honeycomb.io", "jaeger-collector.tracing:4317"})
    void addressesOutsideTheStackAreExternal(String endpoint) {
        assertThat(TOPOLOGY.resolve(endpoint, workload("client"))).isInstanceOf(Resolution.External.class);
    }

    @Test
    void theOperatorSynthesisesTheCollectorServicesFromTheReceiversAndSpecPorts() {
        SourcedService collector = service("otel-collector");

        assertThat(collector.describe()).isEqualTo("Service obs/otel-collector");
        assertThat(collector.source().describe()).isEqualTo("OpenTelemetryCollector obs/otel");
        assertThat(collector.service().getSpec().getPorts()).extracting(ServicePort::getName, ServicePort::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("otlp-grpc", 4317), org.assertj.core.groups.Tuple.tuple("otlp-http", 4318),
                        org.assertj.core.groups.Tuple.tuple("metrics", 8888));
        assertThat(collector.service().getSpec().getSelector()).containsEntry("app.kubernetes.io/instance", "obs.otel")
                .containsEntry("app.kubernetes.io/component", "opentelemetry-collector");
        assertThat(service("otel-collector-monitoring").service().getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(8888);
        assertThat(workload("otel-collector").describe()).isEqualTo("Deployment (from OpenTelemetryCollector) obs/otel-collector");
    }
}
