package org.oteltutorial.harness.run;

import org.oteltutorial.harness.report.PhaseClock;
import org.oteltutorial.harness.traffic.Ledger;
import org.oteltutorial.harness.traffic.TrafficGenerator;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.verify.RedVerifier;
import org.oteltutorial.harness.verify.SentTraffic;

/**
 * The chapter's traffic as a run sends it: a primer wave (one failing and one ordinary request) that creates every
 * series, a wait until Prometheus counts it, then the main wave, so Prometheus' {@code rate()} sees an increase.
 * The CLI's run and the JUnit scenarios send it alike.
 */
public final class ChapterWaves {

    public static final int PRIMER_REQUESTS = 2;
    private static final double PRIMER_ERROR_RATIO = 0.5;

    private final TrafficGenerator generator;
    private final RedVerifier verifier;
    private final PhaseClock clock;

    public ChapterWaves(TrafficGenerator generator, RedVerifier verifier, PhaseClock clock) {
        this.generator = generator;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** The primer of a plan: its run id, another seed, two requests of which one fails. */
    public static TrafficPlan primerOf(TrafficPlan plan) {
        return plan.toBuilder().withSeed(plan.seed() + 1).withRequests(PRIMER_REQUESTS).withErrorRatio(PRIMER_ERROR_RATIO).build();
    }

    @SuppressWarnings("try") // a phase is timed by a try-with-resources block that does not use its handle
    public SentTraffic send(TrafficPlan plan) {
        Ledger primer;
        try (var phase = clock.start("traffic: primer wave (" + PRIMER_REQUESTS + " requests)")) {
            primer = generator.send(primerOf(plan));
        }
        try (var phase = clock.start("wait: primer counted in Prometheus (flush every " + verifier.flushInterval().toSeconds() + " s)")) {
            if (!verifier.awaitCounts(primer)) {
                clock.say("  the primer did not show up in Prometheus; the checks below say why");
            }
        }
        Ledger main;
        try (var phase = clock.start("traffic: main wave (" + plan.requests() + " requests, seed " + plan.seed() + ")")) {
            main = generator.send(plan);
        }
        return new SentTraffic(primer, main);
    }
}
