package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oteltutorial.harness.collector.CollectorConfig;
import org.oteltutorial.harness.collector.CollectorConfigException;
import org.oteltutorial.harness.collector.ComponentId;
import org.oteltutorial.harness.collector.ComponentRole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the OpenTelemetry Operator makes of an {@code OpenTelemetryCollector} CR: a workload and a Service named
 * {@code <name>-collector}, whose ports come from the receivers' endpoints and {@code spec.ports}, the headless
 * {@code <name>-collector-headless} with the same ports, and the {@code <name>-collector-monitoring} Service on the
 * collector's own telemetry port 8888.
 */
final class OperatorCollectorConvention {

    static final String KIND = "OpenTelemetryCollector";
    private static final Pattern PORT = Pattern.compile(":(\\d+)$");
    private static final Map<String, Integer> DEFAULT_OTLP_PORTS = Map.of("grpc", 4317, "http", 4318);
    private static final int TELEMETRY_PORT = 8888;

    private final ObjectMapper json = new ObjectMapper();

    record Rendered(CollectorModel collector, List<SourcedService> services) {
    }

    Rendered render(SourcedResource cr) {
        GenericKubernetesResource resource = (GenericKubernetesResource) cr.resource();
        JsonNode spec = json.valueToTree(resource.getAdditionalProperties()).path("spec");
        CollectorConfig config = parseConfig(cr, spec.path("config"));
        String name = cr.name() + "-collector";
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/component", "opentelemetry-collector");
        labels.put("app.kubernetes.io/instance", cr.namespace() + "." + cr.name());
        labels.put("app.kubernetes.io/managed-by", "opentelemetry-operator");
        labels.put("app.kubernetes.io/part-of", "opentelemetry");

        List<ServicePort> servicePorts = receiverPorts(config);
        for (JsonNode p : spec.path("ports")) {
            servicePorts.add(new ServicePortBuilder().withName(p.path("name").asString(null)).withPort(p.path("port").asInt())
                    .withProtocol(p.path("protocol").asString("TCP"))
                    .withTargetPort(new IntOrString(targetPort(p))).build());
        }
        List<ContainerPort> containerPorts = new ArrayList<>();
        for (ServicePort sp : servicePorts) {
            containerPorts.add(new ContainerPortBuilder().withName(sp.getName()).withContainerPort(sp.getTargetPort().getIntVal()).build());
        }
        containerPorts.add(new ContainerPortBuilder().withName("metrics").withContainerPort(TELEMETRY_PORT).build());
        String image = spec.path("image").asString(null);
        // the operator passes spec.args to the collector as --key=value (feature gates among them)
        List<String> args = new ArrayList<>();
        spec.path("args").properties().forEach(a -> args.add("--" + a.getKey() + "=" + a.getValue().asString("")));
        var container = new ContainerBuilder().withName("otc-container").withImage(image).withArgs(args)
                .withPorts(dedupe(containerPorts)).build();
        String mode = spec.path("mode").asString("deployment");
        Workload workload = new Workload(cr, capitalize(mode) + " (from " + KIND + ")", cr.namespace(), name, labels,
                Map.of(), List.of(container), List.of());
        Service headless = service(cr.namespace(), name + "-headless", labels, servicePorts);
        headless.getSpec().setClusterIP("None");
        List<SourcedService> services = List.of(
                new SourcedService(cr, service(cr.namespace(), name, labels, servicePorts)),
                new SourcedService(cr, headless),
                new SourcedService(cr, service(cr.namespace(), name + "-monitoring", labels, List.of(new ServicePortBuilder()
                        .withName("monitoring").withPort(TELEMETRY_PORT).withTargetPort(new IntOrString(TELEMETRY_PORT)).build()))));
        CollectorModel model = new CollectorModel(cr, workload, image == null ? null : ImageRef.parse(image), config,
                cr.describe() + " spec.config");
        return new Rendered(model, services);
    }

    private CollectorConfig parseConfig(SourcedResource cr, JsonNode config) {
        try {
            return CollectorConfig.parse(configText(cr, config));
        } catch (CollectorConfigException e) {
            throw new ManifestException(cr.location() + " " + cr.describe() + " spec.config: " + e.getMessage());
        }
    }

    /** The CR's collector configuration as the YAML text the operator writes into the collector's ConfigMap. */
    String configText(SourcedResource cr) {
        JsonNode spec = json.valueToTree(((GenericKubernetesResource) cr.resource()).getAdditionalProperties()).path("spec");
        return configText(cr, spec.path("config"));
    }

    private static String configText(SourcedResource cr, JsonNode config) {
        if (config.isMissingNode() || config.isNull()) {
            throw new ManifestException(cr.location() + " " + cr.describe() + " spec.config: missing (the collector has no configuration)");
        }
        // v1alpha1 holds the config as a YAML string, v1beta1 as an object.
        return config.isString() ? config.asString() : YAMLMapper.builder().build().writeValueAsString(config);
    }

    private static List<ServicePort> receiverPorts(CollectorConfig config) {
        List<ServicePort> ports = new ArrayList<>();
        for (Map.Entry<ComponentId, JsonNode> e : config.defined(ComponentRole.RECEIVER).entrySet()) {
            String receiver = e.getKey().toString().replace('/', '-');
            JsonNode settings = e.getValue() == null ? MissingNode.getInstance() : e.getValue();
            port(settings.path("endpoint")).ifPresent(p -> ports.add(servicePort(receiver, p)));
            for (Map.Entry<String, JsonNode> protocol : settings.path("protocols").properties()) {
                Optional<Integer> port = port(protocol.getValue() == null ? MissingNode.getInstance() : protocol.getValue().path("endpoint"));
                if (port.isEmpty() && e.getKey().type().equals("otlp")) {
                    port = Optional.ofNullable(DEFAULT_OTLP_PORTS.get(protocol.getKey()));
                }
                port.ifPresent(p -> ports.add(servicePort(receiver + "-" + protocol.getKey(), p)));
            }
        }
        return ports;
    }

    /** As the API server defaults the Service the operator creates: an unset or zero targetPort is the port. */
    private static int targetPort(JsonNode port) {
        int target = port.path("targetPort").asInt(0);
        return target == 0 ? port.path("port").asInt() : target;
    }

    private static Optional<Integer> port(JsonNode endpoint) {
        if (!endpoint.isString()) {
            return Optional.empty();
        }
        Matcher m = PORT.matcher(endpoint.asString());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static ServicePort servicePort(String name, int port) {
        return new ServicePortBuilder().withName(name).withPort(port).withProtocol("TCP").withTargetPort(new IntOrString(port)).build();
    }

    private static Service service(String namespace, String name, Map<String, String> selector, List<ServicePort> ports) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withSelector(selector).withPorts(ports).endSpec().build();
    }

    private static List<ContainerPort> dedupe(List<ContainerPort> ports) {
        Map<Integer, ContainerPort> byNumber = new LinkedHashMap<>();
        ports.forEach(p -> byNumber.putIfAbsent(p.getContainerPort(), p));
        return List.copyOf(byNumber.values());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
