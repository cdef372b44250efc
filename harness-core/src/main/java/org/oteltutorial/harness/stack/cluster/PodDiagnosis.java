package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why pods are not running, in words: a container waiting in {@code ImagePullBackOff} on an image, crash-looping,
 * an unschedulable pod. Used in wait timeouts and in the self-check's advice.
 */
public final class PodDiagnosis {

    private PodDiagnosis() {
    }

    /** One line per pod, e.g. {@code pod x-1: Pending; container kube-rbac-proxy waiting ImagePullBackOff (Back-off pulling image "...")}. */
    public static List<String> describe(List<Pod> pods) {
        List<String> lines = new ArrayList<>();
        for (Pod pod : pods) {
            lines.add("pod " + pod.getMetadata().getName() + ": " + describe(pod));
        }
        return lines;
    }

    public static String describe(Pod pod) {
        List<String> parts = new ArrayList<>();
        parts.add(pod.getStatus() == null || pod.getStatus().getPhase() == null ? "no status" : pod.getStatus().getPhase());
        if (pod.getStatus() != null) {
            if (pod.getStatus().getConditions() != null) {
                for (PodCondition c : pod.getStatus().getConditions()) {
                    if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
                        parts.add("not scheduled (" + Objects.toString(c.getReason(), "") + ": " + Objects.toString(c.getMessage(), "") + ")");
                    }
                }
            }
            statuses(pod.getStatus().getInitContainerStatuses(), "init container", parts);
            statuses(pod.getStatus().getContainerStatuses(), "container", parts);
        }
        return String.join("; ", parts);
    }

    /** The first reason a container of the pods is stuck (e.g. {@code ImagePullBackOff}) with its image, if any. */
    public static Optional<Stuck> firstStuck(List<Pod> pods) {
        for (Pod pod : pods) {
            if (pod.getStatus() == null) {
                continue;
            }
            for (List<ContainerStatus> statuses : List.of(nonNull(pod.getStatus().getInitContainerStatuses()),
                    nonNull(pod.getStatus().getContainerStatuses()))) {
                for (ContainerStatus s : statuses) {
                    if (s.getState() != null && s.getState().getWaiting() != null && s.getState().getWaiting().getReason() != null
                            && !"ContainerCreating".equals(s.getState().getWaiting().getReason())
                            && !"PodInitializing".equals(s.getState().getWaiting().getReason())) {
                        return Optional.of(new Stuck(pod.getMetadata().getName(), s.getName(), s.getImage(),
                                s.getState().getWaiting().getReason(), Objects.toString(s.getState().getWaiting().getMessage(), "")));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A container that cannot start, and why. */
    public record Stuck(String pod, String container, String image, String reason, String message) {

        public boolean isImagePull() {
            return reason.equals("ImagePullBackOff") || reason.equals("ErrImagePull") || reason.equals("InvalidImageName");
        }
    }

    private static void statuses(List<ContainerStatus> statuses, String what, List<String> parts) {
        for (ContainerStatus s : nonNull(statuses)) {
            if (s.getState() == null) {
                continue;
            }
            if (s.getState().getWaiting() != null) {
                parts.add(what + " " + s.getName() + " waiting " + Objects.toString(s.getState().getWaiting().getReason(), "")
                        + message(s.getState().getWaiting().getMessage()));
            } else if (s.getState().getTerminated() != null && !"Completed".equals(s.getState().getTerminated().getReason())) {
                parts.add(what + " " + s.getName() + " terminated " + Objects.toString(s.getState().getTerminated().getReason(), "")
                        + " exit " + s.getState().getTerminated().getExitCode() + message(s.getState().getTerminated().getMessage()));
            } else if (s.getState().getRunning() != null && !Boolean.TRUE.equals(s.getReady())) {
                parts.add(what + " " + s.getName() + " running but not ready");
            }
            if (s.getRestartCount() != null && s.getRestartCount() > 0) {
                parts.add(what + " " + s.getName() + " restarted " + s.getRestartCount() + "x");
            }
        }
    }

    private static String message(String message) {
        return message == null || message.isBlank() ? "" : " (" + message + ")";
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Whether the pod's labels contain the selector. */
    public static boolean matches(Pod pod, Map<String, String> selector) {
        Map<String, String> labels = pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
        return labels != null && selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }
}
