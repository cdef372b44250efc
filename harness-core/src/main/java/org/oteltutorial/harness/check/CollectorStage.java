package org.oteltutorial.harness.check;

import org.oteltutorial.harness.collector.CollectorConfig;
import org.oteltutorial.harness.collector.Pipeline;

/**
 * Which chapter a collector configuration without the spanmetrics connector comes from, judged the way the tutorial's
 * collector files differ (read from the pinned commit): {@code 07-collector.yaml} adds the {@code transform} processor
 * (OTTL) and drops spanmetrics; {@code 05-collector-1.yaml} replaces {@code batch} by {@code tail_sampling};
 * {@code 03-collector.yaml} has neither.
 */
enum CollectorStage {
    STEP_03("03 auto-instrumentation (backend/03-collector.yaml)"),
    STEP_05("05 sampling (backend/05-collector-1.yaml)"),
    STEP_07("07 OTTL (backend/07-collector.yaml), which removes the spanmetrics connector");

    private final String description;

    CollectorStage(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    static CollectorStage of(CollectorConfig config) {
        boolean transform = false;
        boolean tailSampling = false;
        for (Pipeline p : config.pipelines()) {
            transform |= p.processors().stream().anyMatch(id -> id.type().equals("transform"));
            tailSampling |= p.processors().stream().anyMatch(id -> id.type().equals("tail_sampling"));
        }
        return transform ? STEP_07 : tailSampling ? STEP_05 : STEP_03;
    }
}
