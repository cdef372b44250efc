package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRefTest {

    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            nginx                                                  | docker.io        | library/nginx               | -       | -      | nginx
            nginx:1.25                                             | docker.io        | library/nginx               | 1.25    | -      | nginx
            jaegertracing/all-in-one:1.54.0                        | docker.io        | jaegertracing/all-in-one    | 1.54.0  | -      | all-in-one
            docker.io/jaegertracing/all-in-one:1.62.0              | docker.io        | jaegertracing/all-in-one    | 1.62.0  | -      | all-in-one
            quay.io/prometheus/prometheus:v2.47.2                  | quay.io          | prometheus/prometheus       | v2.47.2 | -      | prometheus
            prom/prometheus:v3.0.0                                 | docker.io        | prom/prometheus             | v3.0.0  | -      | prometheus
            localhost:5000/otelcol:0.94.0                          | localhost:5000   | otelcol                     | 0.94.0  | -      | otelcol
            registry.example.com:5000/team/app                     | registry.example.com:5000 | team/app           | -       | -      | app
            localhost/app:1                                        | localhost        | app                         | 1       | -      | app
            ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.94.0 | ghcr.io | open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib | 0.94.0 | - | opentelemetry-collector-contrib
            """)
    void splitsRegistryRepositoryAndTag(String image, String registry, String repository, String tag, String digest, String name) {
        ImageRef ref = ImageRef.parse(image);

        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).isEqualTo(digest);
        assertThat(ref.name()).isEqualTo(name);
        assertThat(ref.toString()).isEqualTo(image);
    }

    @Test
    void readsDigestsWithAndWithoutTag() {
        ImageRef digestOnly = ImageRef.parse("registry.example.com:5000/team/app@" + DIGEST);
        assertThat(digestOnly.registry()).isEqualTo("registry.example.com:5000");
        assertThat(digestOnly.repository()).isEqualTo("team/app");
        assertThat(digestOnly.tag()).isNull();
        assertThat(digestOnly.digest()).isEqualTo(DIGEST);

        ImageRef both = ImageRef.parse("ghcr.io/x/app:latest@" + DIGEST);
        assertThat(both.tag()).isEqualTo("latest");
        assertThat(both.digest()).isEqualTo(DIGEST);
    }

    @ParameterizedTest(name = "{0} mutable: {1}")
    @CsvSource({"nginx, true", "nginx:latest, true", "ghcr.io/x/app:latest, true", "nginx:1.25, false",
            "ghcr.io/x/app:latest@" + DIGEST + ", false", "ghcr.io/x/app@" + DIGEST + ", false"})
    void onlyLatestOrNoTagWithoutDigestIsMutable(String image, boolean mutable) {
        assertThat(ImageRef.parse(image).isMutable()).isEqualTo(mutable);
    }

    @Test
    void theVersionComesFromTheTag() {
        assertThat(ImageRef.parse("quay.io/prometheus/prometheus:v2.47.2").version()).hasValue(new Version(2, 47, 2));
        assertThat(ImageRef.parse("jaegertracing/all-in-one:latest").version()).isEmpty();
        assertThat(ImageRef.parse("jaegertracing/all-in-one").version()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.94.0, collector",
            "otel/opentelemetry-collector-contrib:0.110.0, collector", "otel/opentelemetry-collector-k8s:0.110.0, collector",
            "quay.io/prometheus/prometheus:v2.47.2, prometheus", "prom/prometheus:v3.0.0, prometheus",
            "jaegertracing/all-in-one:1.54.0, jaeger", "quay.io/jaegertracing/all-in-one:1.62.0, jaeger", "jaegertracing/jaeger:2.1.0, jaeger",
            "bitnami/prometheus:2.47.2, none", "ghcr.io/x/jaeger:1, none", "nginx:1.25, none"})
    void recognisesTheChaptersProgramsByImage(String image, String program) {
        ImageRef ref = ImageRef.parse(image);
        String found = ComponentImages.isCollector(ref) ? "collector" : ComponentImages.isPrometheus(ref) ? "prometheus"
                : ComponentImages.isJaeger(ref) ? "jaeger" : "none";

        assertThat(found).isEqualTo(program);
    }
}
