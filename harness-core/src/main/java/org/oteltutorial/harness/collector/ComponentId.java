package org.oteltutorial.harness.collector;

/** A collector component id, {@code type} or {@code type/name} (e.g. {@code otlphttp/metrics}). */
public record ComponentId(String type, String name) {

    public static ComponentId parse(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? new ComponentId(id.trim(), "") : new ComponentId(id.substring(0, slash).trim(), id.substring(slash + 1).trim());
    }

    @Override
    public String toString() {
        return name.isEmpty() ? type : type + "/" + name;
    }
}
