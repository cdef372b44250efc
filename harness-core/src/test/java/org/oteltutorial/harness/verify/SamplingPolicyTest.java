package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SamplingPolicyTest {

    private static SamplingPolicy policyOf(Step06 manifests) {
        return SamplingPolicy.of(manifests.model().collector().orElseThrow().config());
    }

    @Test
    void bundledStep06KeepsErrorsSlowTracesAndTenPercent() {
        SamplingPolicy policy = policyOf(Step06.bundled());

        assertThat(policy).isEqualTo(new SamplingPolicy(true, true, Optional.of(Duration.ofMillis(500)), 10,
                Duration.ofSeconds(10), Optional.empty()));
    }

    @Test
    void withoutASamplerJaegerKeepsEverything() {
        SamplingPolicy policy = policyOf(Step06.bundled().replace("collector.yaml", "processors: [tail_sampling]", "processors: []"));

        assertThat(policy.sampled()).isFalse();
        assertThat(policy.percentage()).isEqualTo(100);
        assertThat(policy.unmodelled()).isEmpty();
    }

    @Test
    void anUnmodelledPolicyTypeIsNamed() {
        SamplingPolicy policy = policyOf(Step06.bundled().replace("collector.yaml", "          - name: randomized-policy\n",
                "          - name: by-attribute\n            type: string_attribute\n"
                        + "            string_attribute: {key: http.route, values: [/]}\n"
                        + "          - name: randomized-policy\n"));

        assertThat(policy.sampled()).isTrue();
        assertThat(policy.unmodelled()).contains("string_attribute");
        assertThat(policy.keepErrors()).isTrue();
    }

    @Test
    void aProbabilisticSamplerProcessorIsUnmodelled() {
        SamplingPolicy policy = policyOf(Step06.bundled()
                .replace("collector.yaml", "processors: [tail_sampling]", "processors: [probabilistic_sampler]")
                .replace("collector.yaml", "    processors:\n", "    processors:\n      probabilistic_sampler: {sampling_percentage: 15}\n"));

        assertThat(policy.sampled()).isTrue();
        assertThat(policy.unmodelled()).contains("probabilistic_sampler");
    }

    @Test
    void decisionWaitDefaultsToThirtySeconds() {
        SamplingPolicy policy = policyOf(Step06.bundled().replace("collector.yaml", "        decision_wait: 10s\n", ""));

        assertThat(policy.decisionWait()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @CsvSource({
            "10s, PT10S",
            "500ms, PT0.5S",
            "1m, PT1M",
            "2h, PT2H",
            "1.5s, PT1.5S",
            "' 15s ', PT15S",
            // Go duration strings the collector accepts (the spanmetrics README's buckets start at 100us)
            "100us, PT0.0001S",
            "100µs, PT0.0001S",
            "250ns, PT0.00000025S",
            "1m30s, PT1M30S",
            "1h15m30.5s, PT1H15M30.5S",
            "0.5m, PT30S",
            "0, PT0S",
    })
    void parsesGoDurations(String text, String iso) {
        assertThat(SamplingPolicy.parseDuration(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "15", "s", "1d", "1.s5", "5 s"})
    void rejectsWhatIsNotAGoDuration(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> SamplingPolicy.parseDuration(text)).withMessageContaining(text);
    }
}
