package org.oteltutorial.harness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.oteltutorial.harness.junit.ChapterScenario;
import org.oteltutorial.harness.junit.RedAssertions;
import org.oteltutorial.harness.traffic.SentTrace;
import org.oteltutorial.harness.verify.JaegerTraceSet;
import org.oteltutorial.harness.verify.SentTraffic;

/**
 * The chapter's claims after step 06, on the real collector, Prometheus and Jaeger (the claim that every span is
 * counted is {@link SpanMetricsIT}, the README's example).
 */
@ChapterScenario
class RedMetricsIT {

    @Test
    void jaegerKeepsTheSampledTracesOnly(SentTraffic sent, RedAssertions red) {
        red.assertThatRed(sent).isSampledExactlyInJaeger();
    }

    @Test
    void aKeptTraceMissingFromJaegerIsNamedByItsTraceId(SentTraffic sent, RedAssertions red) {
        red.assertThatRed(sent).isSampledExactlyInJaeger();
        JaegerTraceSet held = red.jaegerTraces(sent);
        // a trace only the probabilistic policy keeps, so that the exact set alone must notice its loss
        String lost = sent.traces().stream().filter(t -> !t.error() && !t.isSlowerThan(Duration.ofMillis(500)))
                .map(SentTrace::traceId).filter(held::has).sorted().findFirst().orElseThrow();

        assertThatThrownBy(() -> red.assertThatRed(sent).isSampledExactlyIn(held.without(lost)))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.getMessage()).contains("Jaeger lacks 1 trace(s) the sampler keeps: " + lost + " (");
                    assertThat(e.getExpected().getStringRepresentation()).isEqualTo("sampling: Jaeger holds exactly the traces"
                            + " the tail sampler keeps: " + held.heldOf(sent.traces()).size());
                    assertThat(e.getActual().getStringRepresentation()).isEqualTo("sampling: Jaeger holds exactly the traces"
                            + " the tail sampler keeps: " + (held.heldOf(sent.traces()).size() - 1));
                });
    }

    @Test
    void spmReadsTheRedMetricsBack(SentTraffic sent, RedAssertions red) {
        red.assertThatRed(sent).isReadBackBySpm();
    }
}
