package org.oteltutorial.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanLayoutTest {

  @Test
  void childDurationsAreExactSharesRoundedDown() {
    List<SpanTemplate> children = List.of(child("0.4"), child("0.5"));

    assertThat(SpanLayout.childDurations(children, 123_456_000L)).containsExactly(49_382_400L, 61_728_000L);
    assertThat(SpanLayout.childDurations(List.of(child("0.3")), 1_000_000_001L)).containsExactly(300_000_000L);
  }

  @Test
  void childrenRunInTurnInsideTheirParentWithTheSpareTimeAround() {
    long[] offsets = SpanLayout.childOffsets(1_000, new long[] {400, 500});

    assertThat(offsets).containsExactly(33, 466);
    assertThat(offsets[1] + 500).isLessThanOrEqualTo(1_000);
  }

  @Test
  void childrenThatFillTheParentStartAtItsStart() {
    assertThat(SpanLayout.childOffsets(1_000, new long[] {1_000})).containsExactly(0);
    assertThat(SpanLayout.childOffsets(1_000, new long[0])).isEmpty();
  }

  private static SpanTemplate child(String share) {
    return new SpanTemplate("s", "c", SpanKind.INTERNAL, new BigDecimal(share), false, Attributes.empty(),
        Attributes.empty(), List.of());
  }
}
