package org.oteltutorial.harness.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PrometheusFormatTest {

    @Test
    void timesAreUnixSecondsWithoutExponentOrTrailingZeros() {
        assertThat(PrometheusFormat.time(Instant.ofEpochSecond(1714060800))).isEqualTo("1714060800");
        assertThat(PrometheusFormat.time(Instant.ofEpochSecond(1714060800, 500_000_000))).isEqualTo("1714060800.5");
        assertThat(PrometheusFormat.time(Instant.ofEpochSecond(1714060800, 1))).isEqualTo("1714060800.000000001");
        assertThat(PrometheusFormat.time(Instant.EPOCH)).isEqualTo("0");
    }
}
