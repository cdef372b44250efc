package org.oteltutorial.harness.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.traffic.TrafficPlan;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.verify.SamplingPolicy;

/**
 * Whether a traffic plan can prove the chapter on a stack, known before anything starts: every latency band and the
 * error share get requests (or the checks of slow traces and error rates would compare nothing), and the tail sampler
 * can hold every trace of a wave at once (or it evicts undecided traces and the harness would blame the pipeline).
 */
public final class TrafficFit {

    /** The search for the smallest plan that fits stops here; the defaults need a handful. */
    private static final int LARGEST_SUGGESTION = 1000;

    private TrafficFit() {
    }

    /** What is wrong with the plan on this stack, one sentence each; empty when it fits. */
    public static List<String> problems(TrafficPlan plan, StackModel model) {
        List<String> problems = new ArrayList<>();
        emptyShare(plan).ifPresent(why -> problems.add("--requests " + plan.requests() + " " + why
                + smallestFitting(plan).map(n -> "; use --requests " + n + " or more").orElse("")));
        model.collector().map(c -> SamplingPolicy.of(c.config())).filter(SamplingPolicy::sampled).ifPresent(policy -> {
            long held = (long) plan.requests() + ChapterWaves.PRIMER_REQUESTS;
            if (held > policy.numTraces()) {
                problems.add("--requests " + plan.requests() + ": the main wave's " + plan.requests() + " traces and the primer's "
                        + ChapterWaves.PRIMER_REQUESTS + " reach the tail sampler within one decision_wait ("
                        + policy.decisionWait().toSeconds() + " s), but it holds num_traces: " + policy.numTraces()
                        + " traces and would evict undecided ones, so Jaeger would lack traces for no fault of the pipeline;"
                        + " use --requests " + (policy.numTraces() - ChapterWaves.PRIMER_REQUESTS) + " or less, or raise num_traces");
            }
        });
        return problems;
    }

    private static Optional<String> emptyShare(TrafficPlan plan) {
        if (plan.errorRatio() > 0 && plan.errorRequests() == 0) {
            return Optional.of("gives no failing request (error ratio " + plan.errorRatio() + "), so the error checks would compare"
                    + " nothing");
        }
        List<Integer> perBand = plan.requestsPerBand();
        for (int b = 0; b < perBand.size(); b++) {
            if (perBand.get(b) == 0) {
                return Optional.of("leaves the latency band " + plan.latencyMix().get(b) + " without a request, so the checks of"
                        + " that band would compare nothing");
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> smallestFitting(TrafficPlan plan) {
        for (int n = 1; n <= LARGEST_SUGGESTION; n++) {
            if (emptyShare(plan.toBuilder().withRequests(n).build()).isEmpty()) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
