package org.oteltutorial.harness.stack.kube;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.util.List;
import java.util.Map;

/**
 * Cluster DNS as kubeadm sets it up: CoreDNS as the Deployment {@code kube-system/coredns} behind the Service
 * {@code kube-dns} at the kubelet's {@code clusterDNS} address, with the RBAC it needs to watch Services and
 * EndpointSlices. It answers for {@code cluster.local} only and forwards nothing, so no query leaves the cluster.
 */
final class ClusterDns {

    static final String NAMESPACE = "kube-system";
    static final String DEPLOYMENT = "coredns";
    private static final Map<String, String> LABELS = Map.of("k8s-app", "kube-dns");
    private static final String COREFILE = """
            .:53 {
                errors
                health :8080
                ready :8181
                kubernetes %s in-addr.arpa ip6.arpa {
                    pods insecure
                    ttl 30
                }
                cache 30
                loadbalance
            }
            """.formatted(KubeAddresses.CLUSTER_DOMAIN);

    private ClusterDns() {
    }

    static List<HasMetadata> objects(String image) {
        var role = new ClusterRoleBuilder().withNewMetadata().withName("system:coredns").endMetadata()
                .addNewRule().withApiGroups("").withResources("endpoints", "services", "pods", "namespaces").withVerbs("list", "watch").endRule()
                .addNewRule().withApiGroups("discovery.k8s.io").withResources("endpointslices").withVerbs("list", "watch").endRule()
                .build();
        var binding = new ClusterRoleBindingBuilder().withNewMetadata().withName("system:coredns").endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("system:coredns").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("coredns").withNamespace(NAMESPACE).endSubject().build();
        var account = new ServiceAccountBuilder().withNewMetadata().withName("coredns").withNamespace(NAMESPACE).endMetadata().build();
        var config = new ConfigMapBuilder().withNewMetadata().withName("coredns").withNamespace(NAMESPACE).endMetadata()
                .withData(Map.of("Corefile", COREFILE)).build();
        var deployment = new DeploymentBuilder().withNewMetadata().withName(DEPLOYMENT).withNamespace(NAMESPACE).withLabels(LABELS).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(LABELS).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(LABELS).endMetadata().withNewSpec()
                .withServiceAccountName("coredns").withDnsPolicy("Default").withPriorityClassName("system-cluster-critical")
                .addNewContainer().withName("coredns").withImage(image).withImagePullPolicy("IfNotPresent")
                .withArgs("-conf", "/etc/coredns/Corefile")
                .addNewPort().withName("dns").withContainerPort(53).withProtocol("UDP").endPort()
                .addNewPort().withName("dns-tcp").withContainerPort(53).withProtocol("TCP").endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString(8181)).endHttpGet()
                .withPeriodSeconds(1).endReadinessProbe()
                .addNewVolumeMount().withName("config").withMountPath("/etc/coredns").withReadOnly(true).endVolumeMount()
                .endContainer()
                .addNewVolume().withName("config").withNewConfigMap().withName("coredns").endConfigMap().endVolume()
                .endSpec().endTemplate().endSpec().build();
        var service = new ServiceBuilder().withNewMetadata().withName("kube-dns").withNamespace(NAMESPACE).withLabels(LABELS).endMetadata()
                .withNewSpec().withClusterIP(KubeAddresses.DNS_SERVICE_IP).withSelector(LABELS)
                .addNewPort().withName("dns").withPort(53).withProtocol("UDP").withTargetPort(new IntOrString(53)).endPort()
                .addNewPort().withName("dns-tcp").withPort(53).withProtocol("TCP").withTargetPort(new IntOrString(53)).endPort()
                .endSpec().build();
        return List.of(role, binding, account, config, deployment, service);
    }
}
