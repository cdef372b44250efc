package org.oteltutorial.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrafficPlanTest {

  private static final Duration THRESHOLD = Duration.ofMillis(500);

  @Test
  void defaultsSuitTheTutorial() {
    TrafficPlan plan = TrafficPlan.builder().build();

    assertThat(plan.requests()).isEqualTo(60);
    assertThat(plan.errorRatio()).isEqualTo(0.2);
    assertThat(plan.errorRequests()).isEqualTo(12);
    assertThat(plan.requestsPerBand()).containsExactly(42, 12, 6);
    assertThat(plan.latencyMixSeparates(THRESHOLD)).as("no band reaches 500 ms").isTrue();
    assertThat(plan.runId()).matches("[a-z0-9]{6}");
    assertThat(plan.serviceName("frontend-deployment")).isEqualTo("frontend-deployment-" + plan.runId());
  }

  @Test
  void freshBuildersGetFreshRunIds() {
    assertThat(TrafficPlan.builder().build().runId()).isNotEqualTo(TrafficPlan.builder().build().runId());
  }

  @Test
  void toBuilderKeepsEverything() {
    TrafficPlan plan = plan(7).toBuilder().build();

    assertThat(plan).isEqualTo(plan(7));
    assertThat(plan.toBuilder().withSeed(8).build().seed()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
  void errorRatioOutsideZeroToOneIsRejected(double ratio) {
    assertThatThrownBy(() -> TrafficPlan.builder().withErrorRatio(ratio).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error ratio must be within [0, 1], was " + ratio);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void requestsMustBePositive(int requests) {
    assertThatThrownBy(() -> TrafficPlan.builder().withRequests(requests).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a traffic plan needs at least 1 request, was " + requests);
  }

  @Test
  void latencyMixMustNotBeEmpty() {
    assertThatThrownBy(() -> TrafficPlan.builder().withLatencyMix(List.of()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the latency mix needs at least one band");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ABC", "run-1", "run_1", "abcdefghijklmnopq"})
  void runIdMustBeShortLowercaseAlphanumeric(String runId) {
    assertThatThrownBy(() -> TrafficPlan.builder().withRunId(runId).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("run id must be 1 to 16 lowercase letters or digits")
        .hasMessageContaining("'" + runId + "'");
  }

  @Test
  void windowMustBePositive() {
    assertThatThrownBy(() -> TrafficPlan.builder().withWindow(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the window must be positive, was PT0S");
  }

  @Test
  void latencyBandsAreValidated() {
    assertThatThrownBy(() -> LatencyBand.ofMillis(0, 1, 2))
        .hasMessage("latency band weight must be a positive number, was 0.0");
    assertThatThrownBy(() -> LatencyBand.ofMillis(1, 0, 2))
        .hasMessage("latency band minimum must be positive, was PT0S");
    assertThatThrownBy(() -> LatencyBand.ofMillis(1, 300, 200))
        .hasMessage("latency band maximum PT0.2S is below its minimum PT0.3S");
  }

  @Test
  void scheduleRealisesTheRatiosExactly() {
    TrafficPlan plan = plan(42);
    List<PlannedRequest> schedule = plan.schedule();

    assertThat(schedule).hasSize(60);
    assertThat(schedule).filteredOn(PlannedRequest::error).hasSize(plan.errorRequests());
    for (int band = 0; band < plan.latencyMix().size(); band++) {
      LatencyBand latency = plan.latencyMix().get(band);
      List<PlannedRequest> inBand = schedule.stream().filter(hasBand(band)).toList();
      assertThat(inBand).hasSize(plan.requestsPerBand().get(band));
      assertThat(inBand).allSatisfy(r -> assertThat(latency.contains(r.rootDuration()))
          .as("%s lies in %s", r.rootDuration(), latency).isTrue());
    }
    assertThat(schedule).allSatisfy(r -> assertThat(r.rootDuration().toNanos() % 1_000).isZero());
    assertThat(schedule.stream().filter(r -> r.rootDuration().compareTo(THRESHOLD) >= 0)).hasSize(6);
  }

  @Test
  void scheduleSpreadsRequestsOverTheWindowInOrder() {
    List<PlannedRequest> schedule = plan(42).schedule();

    assertThat(schedule).extracting(PlannedRequest::index).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 60).boxed().toList());
    assertThat(schedule).extracting(PlannedRequest::startOffset).isSorted();
    assertThat(schedule.get(0).startOffset()).isLessThan(Duration.ofMillis(250));
    assertThat(schedule.get(59).startOffset()).isBetween(Duration.ofMillis(29_500), Duration.ofSeconds(30));
  }

  @Test
  void scheduleIsAPureFunctionOfThePlan() {
    assertThat(plan(42).schedule()).isEqualTo(plan(42).schedule());
    assertThat(plan(42).schedule()).isNotEqualTo(plan(43).schedule());
    assertThat(plan(42).toBuilder().withRunId("other").build().schedule())
        .as("the run id does not change the schedule, only names and ids")
        .isEqualTo(plan(42).schedule());
  }

  @Test
  void apportionmentHandlesSmallPlansAndZeroErrors() {
    TrafficPlan plan = TrafficPlan.builder().withRunId("small").withRequests(3).withErrorRatio(0).build();

    assertThat(plan.requestsPerBand()).containsExactly(2, 1, 0);
    assertThat(plan.schedule()).noneMatch(PlannedRequest::error);
    assertThat(TrafficPlan.builder().withRunId("one").withRequests(1).withErrorRatio(1).build().schedule())
        .singleElement().matches(PlannedRequest::error);
  }

  @Test
  void latencyMixSeparatesOnlyWhenNoBandReachesTheThreshold() {
    TrafficPlan straddling = TrafficPlan.builder().withRunId("x")
        .withLatencyMix(LatencyBand.ofMillis(1, 400, 600)).build();
    TrafficPlan touching = TrafficPlan.builder().withRunId("x")
        .withLatencyMix(LatencyBand.ofMillis(1, 100, 500)).build();

    assertThat(straddling.latencyMixSeparates(THRESHOLD)).isFalse();
    assertThat(touching.latencyMixSeparates(THRESHOLD)).isFalse();
  }

  static TrafficPlan plan(long seed) {
    return TrafficPlan.builder().withSeed(seed).withRunId("unit").build();
  }

  private static java.util.function.Predicate<PlannedRequest> hasBand(int band) {
    return r -> r.band() == band;
  }
}
