package org.oteltutorial.harness.tutorial;

import java.util.Set;

/** Recognises the upstream programs of the chapter by their image, whatever registry or tag serves them. */
public final class ComponentImages {

    private static final Set<String> COLLECTOR_NAMES = Set.of("opentelemetry-collector-contrib", "opentelemetry-collector",
            "opentelemetry-collector-k8s", "otelcol-contrib", "otelcol", "otelcol-k8s");
    private static final Set<String> JAEGER_NAMES = Set.of("all-in-one", "jaeger-query", "jaeger");

    private ComponentImages() {
    }

    public static boolean isCollector(ImageRef image) {
        return COLLECTOR_NAMES.contains(image.name());
    }

    public static boolean isPrometheus(ImageRef image) {
        return image.name().equals("prometheus") && image.repository().startsWith("prom");
    }

    public static boolean isJaeger(ImageRef image) {
        return image.repository().startsWith("jaegertracing/") && JAEGER_NAMES.contains(image.name());
    }
}
