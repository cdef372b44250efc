package org.oteltutorial.harness.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstantVectorTest {

    private static Sample sample(String service, double value) {
        return new Sample(Map.of("service_name", service), value, Instant.EPOCH);
    }

    @Test
    void singleSaysWhatItSawWhenThereAreSeveral() {
        InstantVector vector = new InstantVector(List.of(sample("a", 1), sample("b", 2)));

        assertThatIllegalStateException().isThrownBy(vector::single)
                .withMessageContaining("got 2")
                .withMessageContaining("{service_name=a}=1.0")
                .withMessageContaining("{service_name=b}=2.0");
    }

    @Test
    void sumPropagatesNaNAndSumByGroupsByLabel() {
        assertThat(new InstantVector(List.of(sample("a", 1), sample("a", Double.NaN))).sum()).isNaN();
        assertThat(new InstantVector(List.of(sample("a", 1), sample("b", 2), sample("a", 4))).sumBy("service_name"))
                .containsExactly(Map.entry("a", 5.0), Map.entry("b", 2.0));
    }

    @Test
    void labelsAreSortedAndImmutable() {
        Sample sample = new Sample(Map.of("z", "1", "a", "2", "m", "3"), 1, Instant.EPOCH);

        assertThat(sample.labels().keySet()).containsExactly("a", "m", "z");
        assertThat(sample.labels()).isUnmodifiable();
    }
}
