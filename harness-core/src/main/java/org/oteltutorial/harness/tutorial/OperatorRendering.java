package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects the OpenTelemetry Operator v0.94 creates from an {@code OpenTelemetryCollector} CR, for clusters where
 * the operator cannot run: the ConfigMap {@code <name>-collector} holding the config as {@code collector.yaml}, the
 * Deployment {@code <name>-collector} whose container {@code otc-container} reads it from {@code /conf}, and the
 * Services of {@link OperatorCollectorConvention}. Each rendered object keeps the CR's file and line, so it stays in the
 * CR's step.
 */
public final class OperatorRendering {

    /** The CR kind this renders. */
    public static final String KIND = OperatorCollectorConvention.KIND;
    static final String CONFIG_KEY = "collector.yaml";
    static final String CONFIG_DIR = "/conf";
    private static final String CONFIG_VOLUME = "otc-internal";

    private final OperatorCollectorConvention convention = new OperatorCollectorConvention();

    /** Whether the resource is an {@code OpenTelemetryCollector} CR. */
    public static boolean isCollectorResource(SourcedResource r) {
        return KIND.equals(r.kind());
    }

    public List<SourcedResource> render(SourcedResource cr) {
        OperatorCollectorConvention.Rendered rendered = convention.render(cr);
        Workload workload = rendered.collector().workload();
        String name = workload.name();
        String namespace = workload.namespace();
        Map<String, String> selector = workload.podLabels();
        Map<String, String> labels = new LinkedHashMap<>(selector);
        labels.put("app.kubernetes.io/name", name);
        rendered.collector().image().version().ifPresent(v -> labels.put("app.kubernetes.io/version", v.toString()));

        ConfigMap config = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withData(Map.of(CONFIG_KEY, convention.configText(cr))).build();
        Container container = new ContainerBuilder(workload.containers().get(0))
                .withImagePullPolicy("IfNotPresent")
                .withArgs("--config=" + CONFIG_DIR + "/" + CONFIG_KEY)
                .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef()
                .endValueFrom().endEnv()
                .addNewVolumeMount().withName(CONFIG_VOLUME).withMountPath(CONFIG_DIR).endVolumeMount()
                .build();
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(selector).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withNewSpec()
                .withContainers(container)
                .addNewVolume().withName(CONFIG_VOLUME).withNewConfigMap().withName(name).addNewItem().withKey(CONFIG_KEY)
                .withPath(CONFIG_KEY).endItem().endConfigMap().endVolume()
                .endSpec().endTemplate().endSpec().build();

        List<HasMetadata> objects = new ArrayList<>(List.of(config, deployment));
        rendered.services().forEach(s -> objects.add(s.service()));
        return objects.stream().map(o -> new SourcedResource(cr.origin(), cr.line(), o)).toList();
    }
}
