package org.oteltutorial.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.oteltutorial.harness.report.CheckResult;

class ClaimVerdictTest {

    private final CheckResult counted = CheckResult.pass("calls_total{frontend}", "5", "5", "every span sent was counted");
    private final CheckResult short1 = CheckResult.fail("calls_total{backend1}", "5", "3", "spans were dropped");
    private final CheckResult short2 = CheckResult.fail("calls_total{backend2}", "7", "missing", "the series is missing");
    private final CheckResult skipped = CheckResult.skip("jaeger SPM p95 latency: backend2", "no server spans in the main wave");

    @Test
    void aFailureCarriesExpectedAndActualOneLinePerFailedCheck() {
        assertThatThrownBy(() -> ClaimVerdict.of("Prometheus counts every span", List.of(counted, short1, short2)))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Prometheus counts every span: 2 of 3 checks failed: calls_total{backend1}"
                            + " (spans were dropped); calls_total{backend2} (the series is missing)");
                    assertThat(e.getExpected().getStringRepresentation()).isEqualTo("calls_total{backend1}: 5\ncalls_total{backend2}: 7");
                    assertThat(e.getActual().getStringRepresentation()).isEqualTo("calls_total{backend1}: 3\ncalls_total{backend2}: missing");
                });
    }

    @Test
    void onlySkipsAbortWithTheReasonsAndNothingIsNotAPass() {
        assertThatThrownBy(() -> ClaimVerdict.of("SPM", List.of(skipped))).isInstanceOf(TestAbortedException.class)
                .hasMessage("SPM: nothing was compared: jaeger SPM p95 latency: backend2 (no server spans in the main wave)");
        assertThatThrownBy(() -> ClaimVerdict.of("SPM", List.of())).isInstanceOf(TestAbortedException.class)
                .hasMessage("SPM: nothing was compared: no check ran");
    }

    @Test
    void aPassWithSkipsHoldsAndListsTheSkips() {
        assertThat(ClaimVerdict.of("SPM", List.of(counted, skipped)).skipped()).containsExactly(skipped);
    }
}
