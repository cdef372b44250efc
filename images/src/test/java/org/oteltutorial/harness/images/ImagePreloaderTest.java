package org.oteltutorial.harness.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePreloaderTest {

    private static final String IMAGE = "quay.io/prometheus/prometheus:v2.47.2";

    /** Holds images as (id, content); counts saves. */
    static final class FakeStore implements ImageStore {
        final Map<String, String> ids = new HashMap<>();
        final List<String> saves = new ArrayList<>();

        @Override
        public Optional<String> imageId(String image) {
            return Optional.ofNullable(ids.get(image));
        }

        @Override
        public void save(String image, OutputStream out) throws IOException {
            saves.add(image);
            out.write(("tar of " + image + " " + ids.get(image)).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public List<String> tagged(List<String> repositoryPrefixes) {
            return List.of();
        }
    }

    private static PreloadPlan plan() {
        return new PreloadPlan(List.of(new ImageDecision(IMAGE, "backend", ImageDecision.Action.PRELOAD, "present"),
                new ImageDecision("other:1", "app", ImageDecision.Action.PULL, "absent")));
    }

    @Test
    void savesEachPreloadedImageOnceAndReusesItWhileItsIdIsUnchanged(@TempDir Path dir) throws IOException {
        FakeStore store = new FakeStore();
        store.ids.put(IMAGE, "sha256:one");
        ImagePreloader preloader = new ImagePreloader(store, dir, line -> { });

        List<PreloadedImage> first = preloader.export(plan());
        List<PreloadedImage> second = preloader.export(plan());

        assertThat(first).singleElement().satisfies(p -> {
            assertThat(p.reused()).isFalse();
            assertThat(p.fileName()).isEqualTo("quay.io_prometheus_prometheus_v2.47.2.tar");
            assertThat(p.tar()).hasContent("tar of " + IMAGE + " sha256:one");
        });
        assertThat(second).singleElement().satisfies(p -> assertThat(p.reused()).isTrue());
        assertThat(store.saves).containsExactly(IMAGE);
        assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("quay.io_prometheus_prometheus_v2.47.2.tar", "quay.io_prometheus_prometheus_v2.47.2.tar.id");
    }

    @Test
    void savesAgainWhenTheImageChanged(@TempDir Path dir) {
        FakeStore store = new FakeStore();
        store.ids.put(IMAGE, "sha256:one");
        ImagePreloader preloader = new ImagePreloader(store, dir, line -> { });
        preloader.export(plan());
        store.ids.put(IMAGE, "sha256:two");

        List<PreloadedImage> again = preloader.export(plan());

        assertThat(again).singleElement().satisfies(p -> {
            assertThat(p.reused()).isFalse();
            assertThat(p.tar()).hasContent("tar of " + IMAGE + " sha256:two");
        });
        assertThat(store.saves).containsExactly(IMAGE, IMAGE);
    }
}
