package org.oteltutorial.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseClockTest {

    @Test
    void aPhaseIsRecordedOnceWhenClosedAndShownAsItStartsAndEnds() {
        List<String> console = new ArrayList<>();
        PhaseClock clock = new PhaseClock(console::add);

        PhaseClock.Running lint = clock.start("lint");
        assertThat(clock.phases()).isEmpty();
        lint.close();
        lint.close();
        PhaseClock.Running verify = clock.start("verify");
        assertThat(console).last().isEqualTo("▶ verify");
        verify.close();

        assertThat(clock.phases()).extracting(Phase::name).containsExactly("lint", "verify");
        assertThat(clock.phases()).allSatisfy(p -> assertThat(p.seconds()).isGreaterThanOrEqualTo(0).isLessThan(5));
        assertThat(console).hasSize(4);
        assertThat(console.get(0)).isEqualTo("▶ lint");
        assertThat(console.get(1)).startsWith("  lint done in ").endsWith(" s");
    }

    @Test
    void phasesIsASnapshot() {
        PhaseClock clock = new PhaseClock(s -> { });
        List<Phase> before = clock.phases();

        clock.start("x").close();

        assertThat(before).isEmpty();
        assertThat(clock.phases()).hasSize(1);
    }
}
