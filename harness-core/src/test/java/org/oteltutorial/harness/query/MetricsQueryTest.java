package org.oteltutorial.harness.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsQueryTest {

    @Test
    void defaultsAreJaegers() {
        MetricsQuery query = MetricsQuery.forServices("frontend");

        assertThat(query.services()).containsExactly("frontend");
        assertThat(query.groupByOperation()).isFalse();
        assertThat(query.endTs()).isNull();
        assertThat(query.lookback()).isEqualTo(Duration.ofHours(1));
        assertThat(query.step()).isEqualTo(Duration.ofSeconds(5));
        assertThat(query.ratePer()).isEqualTo(Duration.ofMinutes(10));
        assertThat(query.spanKinds()).containsExactly(JaegerSpanKind.SERVER);
    }

    @Test
    void withersLeaveTheOriginalUnchanged() {
        MetricsQuery original = MetricsQuery.forServices("frontend");

        MetricsQuery changed = original.groupByOperation(true).ratePer(Duration.ofMinutes(2));

        assertThat(original.groupByOperation()).isFalse();
        assertThat(original.ratePer()).isEqualTo(Duration.ofMinutes(10));
        assertThat(changed.groupByOperation()).isTrue();
        assertThat(changed.ratePer()).isEqualTo(Duration.ofMinutes(2));
    }

    @ParameterizedTest
    @ValueSource(longs = {1_000, 59_000, 60_000, 120_000, 3_540_000, 3_600_000, 7_200_000})
    void ratePerThatReachesPromqlUnchangedIsAccepted(long millis) {
        assertThat(MetricsQuery.forServices("a").ratePer(Duration.ofMillis(millis)).ratePer().toMillis())
                .isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(longs = {90_000, 1_500, 500, 5_400_000, 3_660_000})
    void ratePerThatJaegerWouldTruncateIsRefused(long millis) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricsQuery.forServices("a").ratePer(Duration.ofMillis(millis)))
                .withMessageContaining("first unit");
    }

    @Test
    void moreThanElevenThousandPointsIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricsQuery.forServices("a").lookback(Duration.ofHours(24)))
                .withMessageContaining("11000 points");
        assertThat(MetricsQuery.forServices("a").lookback(Duration.ofSeconds(55_000)).lookback())
                .isEqualTo(Duration.ofSeconds(55_000));
    }

    @Test
    void servicesAndSpanKindsMustNotBeEmpty() {
        assertThatIllegalArgumentException().isThrownBy(MetricsQuery::forServices);
        assertThatIllegalArgumentException().isThrownBy(() -> MetricsQuery.forServices(List.of("a", " ")));
        // spanKinds() without arguments is the record accessor, hence the explicit empty array
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricsQuery.forServices("a").spanKinds(new JaegerSpanKind[0]));
    }

    @Test
    void subMillisecondDurationsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricsQuery.forServices("a").step(Duration.ofNanos(5_000_500_000L)))
                .withMessageContaining("whole number of milliseconds");
    }
}
