package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oteltutorial.harness.tutorial.Step06;

class SamplingPolicyTest {

    private static SamplingPolicy policyOf(Step06 manifests) {
        return SamplingPolicy.of(manifests.model().collector().orElseThrow().config());
    }

    @Test
    void bundledStep06KeepsErrorsSlowTracesAndTenPercentWithTheDefaultSalt() {
        SamplingPolicy policy = policyOf(Step06.bundled());

        assertThat(policy).isEqualTo(new SamplingPolicy(true, List.of(new SamplingRule.StatusCodes(Set.of("ERROR")),
                new SamplingRule.Latency(500, 0), new SamplingRule.Probabilistic("default-hash-seed", 10)), List.of(),
                Duration.ofSeconds(10), 100));
        assertThat(policy.exact()).isTrue();
        assertThat(policy.keepsEveryError()).isTrue();
        assertThat(policy.keepsEverySlowerThan()).contains(Duration.ofMillis(500));
    }

    @Test
    void hashSaltAndUpperThresholdAreRead() {
        SamplingPolicy policy = policyOf(Step06.bundled()
                .replace("collector.yaml", "probabilistic: {sampling_percentage: 10}",
                        "probabilistic: {sampling_percentage: 10, hash_salt: tutorial-salt}")
                .replace("collector.yaml", "latency: {threshold_ms: 500}", "latency: {threshold_ms: 500, upper_threshold_ms: 1000}"));

        assertThat(policy.rules()).containsExactly(new SamplingRule.StatusCodes(Set.of("ERROR")), new SamplingRule.Latency(500, 1000),
                new SamplingRule.Probabilistic("tutorial-salt", 10));
        assertThat(policy.keepsEverySlowerThan()).as("an upper threshold drops the slowest").isEmpty();
    }

    @Test
    void withoutASamplerJaegerKeepsEverything() {
        SamplingPolicy policy = policyOf(Step06.bundled().replace("collector.yaml", "processors: [tail_sampling]", "processors: []"));

        assertThat(policy).isEqualTo(SamplingPolicy.none());
        assertThat(policy.sampled()).isFalse();
        assertThat(policy.exact()).isTrue();
    }

    @Test
    void anUnmodelledPolicyIsNamedAndMayVetoNothingItDoesNotInvert() {
        SamplingPolicy policy = policyOf(Step06.bundled().replace("collector.yaml", "          - name: randomized-policy\n",
                "          - name: by-route\n            type: string_attribute\n"
                        + "            string_attribute: {key: http.route, values: [/]}\n"
                        + "          - name: randomized-policy\n"));

        assertThat(policy.sampled()).isTrue();
        assertThat(policy.exact()).isFalse();
        assertThat(policy.unmodelled()).containsExactly("by-route (string_attribute)");
        // an attribute policy may be inverted, and an inverted one vetoes: the harness no longer vouches for errors
        assertThat(policy.keepsEveryError()).isFalse();
    }

    @Test
    void aCompositePolicyLeavesTheErrorClaimStanding() {
        SamplingPolicy policy = policyOf(Step06.bundled().replace("collector.yaml", "          - name: randomized-policy\n",
                "          - name: by-span-count\n            type: span_count\n            span_count: {min_spans: 2}\n"
                        + "          - name: randomized-policy\n"));

        assertThat(policy.unmodelled()).containsExactly("by-span-count (span_count)");
        assertThat(policy.keepsEveryError()).isTrue();
    }

    @Test
    void aServiceNameAttributePolicyIsModelled() {
        SamplingPolicy policy = policyOf(Step06.bundled().replace("collector.yaml", "          - name: randomized-policy\n",
                "          - name: not-the-frontend\n            type: string_attribute\n"
                        + "            string_attribute: {key: service.name, values: [frontend], enabled_regex_matching: true,"
                        + " invert_match: true}\n          - name: randomized-policy\n"));

        assertThat(policy.exact()).isTrue();
        assertThat(policy.rules()).contains(new SamplingRule.ServiceName(List.of("frontend"), true, true));
        assertThat(policy.keepsEveryError()).isFalse();
    }

    @Test
    void aProbabilisticSamplerProcessorIsUnmodelled() {
        SamplingPolicy policy = policyOf(Step06.bundled()
                .replace("collector.yaml", "processors: [tail_sampling]", "processors: [probabilistic_sampler]")
                .replace("collector.yaml", "    processors:\n", "    processors:\n      probabilistic_sampler: {sampling_percentage: 15}\n"));

        assertThat(policy.sampled()).isTrue();
        assertThat(policy.unmodelled()).containsExactly("probabilistic_sampler (processor)");
        assertThat(policy.keepsEveryError()).isFalse();
    }

    @Test
    void decisionWaitAndNumTracesHaveTheProcessorsDefaults() {
        SamplingPolicy policy = policyOf(Step06.bundled().replace("collector.yaml", "        decision_wait: 10s\n", "")
                .replace("collector.yaml", "        num_traces: 100\n", ""));

        assertThat(policy.decisionWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.numTraces()).isEqualTo(50_000);
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
