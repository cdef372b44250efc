package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jaeger (v1 all-in-one or query, or v2): its workload, container, flags and environment, and for v2 the YAML config
 * file its {@code --config} flag names, when a ConfigMap of the manifests provides it.
 */
public record JaegerModel(Workload workload, Container container, ImageRef image, ContainerArgs args, Optional<ConfigFile> config) {

    /** The image that ships Jaeger v2 ({@code cmd/jaeger}); the v1 images are all-in-one, query, collector. */
    public static final String V2_IMAGE_NAME = "jaeger";

    public Optional<Version> version() {
        return image.version();
    }

    /** Jaeger v2: by its version tag, else by its image (only v2 is published as {@code jaegertracing/jaeger}). */
    public boolean isV2() {
        return version().map(v -> v.major() >= 2).orElse(image.name().equals(V2_IMAGE_NAME));
    }

    /** v2's YAML config, when {@code --config} names a file the manifests hold, with the {@code --set} arguments applied. */
    public Optional<JaegerV2Config> v2Config() {
        return config.flatMap(JaegerV2Config::parse).map(c -> c.withSets(sets()));
    }

    /** The {@code --set key::path=value} arguments, in order (a later one wins). */
    private List<String> sets() {
        List<String> sets = new ArrayList<>();
        List<String> all = args.all();
        for (int i = 0; i < all.size(); i++) {
            String a = all.get(i);
            if (a.startsWith("--set=")) {
                sets.add(a.substring("--set=".length()));
            } else if (a.equals("--set") && i + 1 < all.size()) {
                sets.add(all.get(++i));
            }
        }
        return sets;
    }

    public SourcedResource source() {
        return workload.source();
    }

    /** Literal environment values; variables set from secrets or fields are absent (their values are unknown here). */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        if (container.getEnv() != null) {
            for (EnvVar e : container.getEnv()) {
                if (e.getValueFrom() == null) {
                    env.put(e.getName(), e.getValue() == null ? "" : e.getValue());
                }
            }
        }
        return env;
    }

    /** Whether the variable takes its value from a Secret, ConfigMap or field, which the manifests alone do not show. */
    public boolean fromReference(String envName) {
        return container.getEnv() != null
                && container.getEnv().stream().anyMatch(e -> envName.equals(e.getName()) && e.getValueFrom() != null);
    }

    /**
     * A setting the way Jaeger v1 (viper) reads it: an explicit flag wins, then a non-empty environment variable
     * (viper ignores empty ones), otherwise unset.
     *
     * @param flag e.g. {@code prometheus.query.namespace}; its variable is {@code PROMETHEUS_QUERY_NAMESPACE}
     */
    public Optional<String> setting(String flag) {
        Optional<String> fromFlag = args.value(flag);
        return fromFlag.isPresent() ? fromFlag : fromEnv(flag);
    }

    /** Like {@link #setting}, for a boolean flag: a bare {@code --flag} means true. */
    public Optional<String> booleanSetting(String flag) {
        Optional<String> fromFlag = args.booleanValue(flag);
        return fromFlag.isPresent() ? fromFlag : fromEnv(flag);
    }

    private Optional<String> fromEnv(String flag) {
        String value = env().get(envName(flag));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Whether the environment sets the variable to the empty string (which Jaeger v1 silently ignores). */
    public boolean setEmptyInEnv(String flag) {
        return "".equals(env().get(envName(flag))) && args.value(flag).isEmpty();
    }

    public static String envName(String flag) {
        return flag.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
