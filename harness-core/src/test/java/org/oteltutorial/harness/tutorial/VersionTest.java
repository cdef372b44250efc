package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @ParameterizedTest(name = "{0} -> {1}.{2}.{3}")
    @CsvSource({"v2.47.2, 2, 47, 2", "0.94.0, 0, 94, 0", "1.54, 1, 54, 0", "v3.0.0-beta.0, 3, 0, 0", "1.62.0+build.5, 1, 62, 0",
            "' 0.110.0 ', 0, 110, 0"})
    void readsReleaseTags(String tag, int major, int minor, int patch) {
        assertThat(Version.parse(tag)).hasValue(new Version(major, minor, patch));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"latest", "main", "1", "v", "sha256-abc", "2.47.x", "1.2.3.4"})
    void otherTagsAreNoVersion(String tag) {
        assertThat(Version.parse(tag)).isEmpty();
    }

    @Test
    void ofRejectsWhatIsNotAVersion() {
        assertThatThrownBy(() -> Version.of("latest")).isInstanceOf(IllegalArgumentException.class).hasMessage("not a version: latest");
    }

    @Test
    void comparesNumericallyPartByPart() {
        assertThat(Version.of("0.109.0")).isGreaterThan(Version.of("0.94.0"));
        assertThat(Version.of("1.62.0").atLeast(Version.of("1.62.0"))).isTrue();
        assertThat(Version.of("1.61.9").below(Version.of("1.62.0"))).isTrue();
        assertThat(Version.of("2.55.1").below(Version.of("3.0.0"))).isTrue();
        assertThat(Version.of("v3.0.0").atLeast(Version.of("2.99.99"))).isTrue();
        assertThat(Version.of("1.54").toString()).isEqualTo("1.54.0");
    }
}
