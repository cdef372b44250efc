package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.collector.CollectorConfig;
import org.oteltutorial.harness.collector.CollectorConfigException;

/**
 * The chapter's stack as the manifests describe it: workloads, services, and which of them are the collector,
 * Prometheus and Jaeger (found by image, never by name). Any of them may be absent when only part of a stack is given.
 * {@code unreadCollectors} run a collector image whose config the manifests do not hold (no ConfigMap behind --config).
 */
public record StackModel(Manifests manifests, List<Workload> workloads, List<SourcedService> services,
        List<CollectorModel> collectors, List<PrometheusModel> prometheuses, List<JaegerModel> jaegers,
        List<Workload> unreadCollectors) {

    public StackModel {
        workloads = List.copyOf(workloads);
        services = List.copyOf(services);
        collectors = List.copyOf(collectors);
        prometheuses = List.copyOf(prometheuses);
        jaegers = List.copyOf(jaegers);
        unreadCollectors = List.copyOf(unreadCollectors);
    }

    /** The model of the objects the API server would hold for these manifests, i.e. after its defaulting. */
    public static StackModel from(Manifests written) {
        Manifests manifests = new KubernetesDefaults().apply(written);
        List<Workload> workloads = new ArrayList<>();
        List<SourcedService> services = new ArrayList<>();
        List<CollectorModel> collectors = new ArrayList<>();
        for (SourcedResource r : manifests.resources()) {
            workloadOf(r).ifPresent(workloads::add);
            if (r.resource() instanceof Service s) {
                services.add(new SourcedService(r, s));
            }
        }
        OperatorCollectorConvention operator = new OperatorCollectorConvention();
        for (SourcedResource cr : manifests.ofKind(OperatorCollectorConvention.KIND)) {
            if (cr.resource() instanceof GenericKubernetesResource) {
                OperatorCollectorConvention.Rendered rendered = operator.render(cr);
                collectors.add(rendered.collector());
                workloads.add(rendered.collector().workload());
                services.addAll(rendered.services());
            }
        }
        MountedFiles files = new MountedFiles(manifests);
        List<PrometheusModel> prometheuses = new ArrayList<>();
        List<JaegerModel> jaegers = new ArrayList<>();
        List<Workload> unreadCollectors = new ArrayList<>();
        for (Workload w : List.copyOf(workloads)) {
            if (w.source().resource() instanceof GenericKubernetesResource) {
                continue;
            }
            for (Container c : w.containers()) {
                if (c.getImage() == null) {
                    continue;
                }
                ImageRef image = ImageRef.parse(c.getImage());
                ContainerArgs args = ContainerArgs.of(c);
                if (ComponentImages.isPrometheus(image)) {
                    Optional<ConfigFile> config = args.value("config.file").flatMap(path -> files.find(w, c, path));
                    prometheuses.add(new PrometheusModel(w, c, image, args, config));
                } else if (ComponentImages.isJaeger(image)) {
                    Optional<ConfigFile> config = args.value("config").flatMap(path -> files.find(w, c, path));
                    jaegers.add(new JaegerModel(w, c, image, args, config));
                } else if (ComponentImages.isCollector(image)) {
                    Optional<ConfigFile> file = args.value("config").flatMap(path -> files.find(w, c, path));
                    if (file.isPresent()) {
                        collectors.add(new CollectorModel(w.source(), w, image, parse(file.get()), file.get().origin()));
                    } else {
                        unreadCollectors.add(w);
                    }
                }
            }
        }
        return new StackModel(manifests, workloads, services, collectors, prometheuses, jaegers, unreadCollectors);
    }

    private static CollectorConfig parse(ConfigFile file) {
        try {
            return CollectorConfig.parse(file.text());
        } catch (CollectorConfigException e) {
            throw new ManifestException(file.source().location() + " " + file.origin() + ": " + e.getMessage());
        }
    }

    private static Optional<Workload> workloadOf(SourcedResource r) {
        HasMetadata res = r.resource();
        PodTemplateSpec template = null;
        if (res instanceof Deployment d && d.getSpec() != null) {
            template = d.getSpec().getTemplate();
        } else if (res instanceof StatefulSet s && s.getSpec() != null) {
            template = s.getSpec().getTemplate();
        } else if (res instanceof DaemonSet ds && ds.getSpec() != null) {
            template = ds.getSpec().getTemplate();
        } else if (res instanceof ReplicaSet rs && rs.getSpec() != null) {
            template = rs.getSpec().getTemplate();
        } else if (res instanceof Pod p) {
            template = new PodTemplateSpec(p.getMetadata(), p.getSpec());
        }
        if (template == null) {
            return Optional.empty();
        }
        ObjectMeta meta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        PodSpec spec = template.getSpec() == null ? new PodSpec() : template.getSpec();
        return Optional.of(new Workload(r, r.kind(), r.namespace(), r.name(), meta.getLabels(), meta.getAnnotations(),
                spec.getContainers(), spec.getVolumes()));
    }

    /** The collector that carries the chapter's spanmetrics connector, else the first one. */
    public Optional<CollectorModel> collector() {
        return collectors.stream().filter(c -> !c.config().connectorsOfType("spanmetrics").isEmpty()).findFirst()
                .or(() -> collectors.stream().findFirst());
    }

    public Optional<PrometheusModel> prometheus() {
        return prometheuses.stream().findFirst();
    }

    public Optional<JaegerModel> jaeger() {
        return jaegers.stream().findFirst();
    }
}
