package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.stream.Stream;

/**
 * The API server's defaulting (Kubernetes 1.29, {@code pkg/apis/core/v1/defaults.go} and the generated defaults) for
 * the fields the harness reads, so the model sees the objects a cluster would hold rather than the text as written:
 * a Service port's {@code targetPort} that is unset, {@code 0} or {@code ""} becomes its {@code port}; protocols
 * become {@code TCP}; Service type {@code ClusterIP}; ConfigMap and Secret volumes get mode {@code 0644}; a volume
 * without a source is an {@code emptyDir}; a pod's restart and DNS policy, probes' timings, {@code httpGet} path and
 * scheme, a {@code fieldRef}'s API version, a container's pull policy. Input objects are left untouched.
 */
public final class KubernetesDefaults {

    private static final int DEFAULT_FILE_MODE = 0644;

    public Manifests apply(Manifests manifests) {
        return new Manifests(manifests.resources().stream()
                .map(r -> new SourcedResource(r.origin(), r.line(), apply(r.resource())))
                .toList());
    }

    /** A defaulted copy of the resource; kinds without defaulting the harness relies on come back as they are. */
    public HasMetadata apply(HasMetadata resource) {
        if (resource instanceof Service service) {
            Service copy = new ServiceBuilder(service).build();
            defaultService(copy);
            return copy;
        }
        if (resource instanceof Deployment d && d.getSpec() != null) {
            Deployment copy = new DeploymentBuilder(d).build();
            if (copy.getSpec().getReplicas() == null) {
                copy.getSpec().setReplicas(1);
            }
            defaultTemplate(copy.getSpec().getTemplate());
            return copy;
        }
        if (resource instanceof StatefulSet s && s.getSpec() != null) {
            StatefulSet copy = new StatefulSetBuilder(s).build();
            defaultTemplate(copy.getSpec().getTemplate());
            return copy;
        }
        if (resource instanceof DaemonSet ds && ds.getSpec() != null) {
            DaemonSet copy = new DaemonSetBuilder(ds).build();
            defaultTemplate(copy.getSpec().getTemplate());
            return copy;
        }
        if (resource instanceof ReplicaSet rs && rs.getSpec() != null) {
            ReplicaSet copy = new ReplicaSetBuilder(rs).build();
            defaultTemplate(copy.getSpec().getTemplate());
            return copy;
        }
        if (resource instanceof Pod p && p.getSpec() != null) {
            Pod copy = new PodBuilder(p).build();
            defaultPodSpec(copy.getSpec());
            return copy;
        }
        return resource;
    }

    private static void defaultService(Service service) {
        ServiceSpec spec = service.getSpec();
        if (spec == null) {
            return;
        }
        if (spec.getType() == null || spec.getType().isEmpty()) {
            spec.setType("ClusterIP");
        }
        if (spec.getSessionAffinity() == null || spec.getSessionAffinity().isEmpty()) {
            spec.setSessionAffinity("None");
        }
        for (ServicePort port : nonNull(spec.getPorts())) {
            if (blank(port.getProtocol())) {
                port.setProtocol("TCP");
            }
            if (unsetTarget(port.getTargetPort()) && port.getPort() != null) {
                port.setTargetPort(new IntOrString(port.getPort()));
            }
        }
    }

    private static boolean unsetTarget(IntOrString target) {
        if (target == null) {
            return true;
        }
        if (target.getStrVal() != null) {
            return target.getStrVal().isEmpty();
        }
        return target.getIntVal() == null || target.getIntVal() == 0;
    }

    private static void defaultTemplate(PodTemplateSpec template) {
        if (template != null && template.getSpec() != null) {
            defaultPodSpec(template.getSpec());
        }
    }

    private static void defaultPodSpec(PodSpec spec) {
        if (blank(spec.getDnsPolicy())) {
            spec.setDnsPolicy("ClusterFirst");
        }
        if (blank(spec.getRestartPolicy())) {
            spec.setRestartPolicy("Always");
        }
        if (spec.getSecurityContext() == null) {
            spec.setSecurityContext(new PodSecurityContext());
        }
        if (spec.getTerminationGracePeriodSeconds() == null) {
            spec.setTerminationGracePeriodSeconds(30L);
        }
        if (blank(spec.getSchedulerName())) {
            spec.setSchedulerName("default-scheduler");
        }
        boolean hostNetwork = Boolean.TRUE.equals(spec.getHostNetwork());
        Stream.concat(nonNull(spec.getInitContainers()).stream(), nonNull(spec.getContainers()).stream())
                .forEach(c -> defaultContainer(c, hostNetwork));
        nonNull(spec.getVolumes()).forEach(KubernetesDefaults::defaultVolume);
    }

    private static void defaultContainer(Container c, boolean hostNetwork) {
        if (blank(c.getImagePullPolicy()) && c.getImage() != null) {
            ImageRef image = ImageRef.parse(c.getImage());
            // Docker's reference parser reads an image with neither tag nor digest as :latest.
            boolean latest = "latest".equals(image.tag()) || image.tag() == null && image.digest() == null;
            c.setImagePullPolicy(latest ? "Always" : "IfNotPresent");
        }
        if (blank(c.getTerminationMessagePath())) {
            c.setTerminationMessagePath("/dev/termination-log");
        }
        if (blank(c.getTerminationMessagePolicy())) {
            c.setTerminationMessagePolicy("File");
        }
        for (ContainerPort port : nonNull(c.getPorts())) {
            if (blank(port.getProtocol())) {
                port.setProtocol("TCP");
            }
            if (hostNetwork && port.getHostPort() == null) {
                port.setHostPort(port.getContainerPort());
            }
        }
        for (EnvVar env : nonNull(c.getEnv())) {
            if (env.getValueFrom() != null && env.getValueFrom().getFieldRef() != null) {
                ObjectFieldSelector ref = env.getValueFrom().getFieldRef();
                if (blank(ref.getApiVersion())) {
                    ref.setApiVersion("v1");
                }
            }
        }
        Stream.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())
                .filter(p -> p != null).forEach(KubernetesDefaults::defaultProbe);
    }

    private static void defaultProbe(Probe probe) {
        if (probe.getTimeoutSeconds() == null) {
            probe.setTimeoutSeconds(1);
        }
        if (probe.getPeriodSeconds() == null) {
            probe.setPeriodSeconds(10);
        }
        if (probe.getSuccessThreshold() == null) {
            probe.setSuccessThreshold(1);
        }
        if (probe.getFailureThreshold() == null) {
            probe.setFailureThreshold(3);
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get != null) {
            if (blank(get.getPath())) {
                get.setPath("/");
            }
            if (blank(get.getScheme())) {
                get.setScheme("HTTP");
            }
        }
    }

    private static void defaultVolume(Volume volume) {
        boolean hasSource = volume.getConfigMap() != null || volume.getSecret() != null || volume.getEmptyDir() != null
                || volume.getHostPath() != null || volume.getPersistentVolumeClaim() != null || volume.getProjected() != null
                || volume.getDownwardAPI() != null || volume.getCsi() != null || volume.getEphemeral() != null
                || volume.getNfs() != null || !volume.getAdditionalProperties().isEmpty();
        if (!hasSource) {
            volume.setEmptyDir(new EmptyDirVolumeSource());
        }
        if (volume.getConfigMap() != null && volume.getConfigMap().getDefaultMode() == null) {
            volume.getConfigMap().setDefaultMode(DEFAULT_FILE_MODE);
        }
        if (volume.getSecret() != null && volume.getSecret().getDefaultMode() == null) {
            volume.getSecret().setDefaultMode(DEFAULT_FILE_MODE);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
