package org.oteltutorial.harness.junit;

import org.oteltutorial.harness.report.PhaseClock;
import org.oteltutorial.harness.run.ChapterWaves;
import org.oteltutorial.harness.traffic.Ledger;
import org.oteltutorial.harness.traffic.TrafficGenerator;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.verify.RedVerifier;
import org.oteltutorial.harness.verify.SentTraffic;

/** Sends traffic to the stack's collector and returns what was sent, exactly. */
public final class ChapterTraffic {

    private final TrafficGenerator generator;
    private final RedVerifier verifier;
    private final PhaseClock clock;

    ChapterTraffic(TrafficGenerator generator, RedVerifier verifier, PhaseClock clock) {
        this.generator = generator;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** One wave of the plan; the {@link Ledger} records every span sent. */
    public Ledger send(TrafficPlan plan) {
        return generator.send(plan);
    }

    /** The plan as a run sends it: a primer wave, a wait until Prometheus counts it, then the main wave. */
    public SentTraffic sendWaves(TrafficPlan plan) {
        return new ChapterWaves(generator, verifier, clock).send(plan);
    }
}
