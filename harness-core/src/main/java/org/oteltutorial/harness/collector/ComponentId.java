package org.oteltutorial.harness.collector;

/** A collector component id, {@code type} or {@code type/name} (e.g. {@code otlphttp/metrics}). */
public record ComponentId(String type, String name) {

    /**
     * Current type names → the names the chapter uses, which newer collectors keep as deprecated aliases
     * ({@code span_metrics} since contrib 0.151.0, {@code otlp_grpc}/{@code otlp_http} since 0.144.0: see VersionFacts).
     */
    private static final java.util.Map<String, String> ALIASED = java.util.Map.of(
            "span_metrics", "spanmetrics", "otlp_grpc", "otlp", "otlp_http", "otlphttp");

    /** The type under its older name, so {@code span_metrics} and {@code spanmetrics} are the same component. */
    public String canonicalType() {
        return ALIASED.getOrDefault(type, type);
    }

    /** Whether the type is the older alias of a renamed component (e.g. {@code spanmetrics}). */
    public static boolean isOldName(String type) {
        return ALIASED.containsValue(type);
    }

    /** The current name of a type ({@code spanmetrics} → {@code span_metrics}); the type itself when it was not renamed. */
    public static String currentName(String type) {
        return ALIASED.entrySet().stream().filter(e -> e.getValue().equals(type)).map(java.util.Map.Entry::getKey).findFirst().orElse(type);
    }

    public static ComponentId parse(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? new ComponentId(id.trim(), "") : new ComponentId(id.substring(0, slash).trim(), id.substring(slash + 1).trim());
    }

    @Override
    public String toString() {
        return name.isEmpty() ? type : type + "/" + name;
    }
}
