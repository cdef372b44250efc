package org.oteltutorial.harness.junit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.verify.JaegerTraceSet;
import org.oteltutorial.harness.verify.RedVerifier;
import org.oteltutorial.harness.verify.SentTraffic;

/**
 * Assertions on one run's traffic. Each runs a group of the harness's checks; a failed check fails the assertion with
 * the failed checks' expected and observed values side by side; a group whose checks only skipped aborts the test
 * with the reasons (a skip compares nothing, so it never passes).
 */
public final class RedAssert {

    private final RedVerifier verifier;
    private final SentTraffic sent;
    private final Consumer<String> console;

    RedAssert(RedVerifier verifier, SentTraffic sent, Consumer<String> console) {
        this.verifier = verifier;
        this.sent = sent;
        this.console = console;
    }

    /** Prometheus holds every series sent, under the names the manifests imply, with exactly the ledger's counts. */
    public RedAssert isCountedExactlyInPrometheus() {
        return passes("Prometheus counts every span exactly", () -> verifier.prometheus(sent));
    }

    /** Jaeger holds exactly the traces the tail sampler keeps, while the RED metrics count every span. */
    public RedAssert isSampledExactlyInJaeger() {
        return passes("Jaeger keeps the sampled traces only", () -> verifier.sampling(sent, since(sent)));
    }

    /** As {@link #isSampledExactlyInJaeger()}, judged on a given observation of Jaeger. */
    public RedAssert isSampledExactlyIn(JaegerTraceSet observation) {
        return passes("Jaeger keeps the sampled traces only (on the given observation)", () -> verifier.sampling(sent, observation));
    }

    /** Jaeger SPM reads the RED metrics back: rates, error rates, latencies and operations per server service. */
    public RedAssert isReadBackBySpm() {
        return passes("Jaeger SPM reads the RED metrics back", () -> verifier.spm(sent, since(sent)));
    }

    /** Every check of a run passes. */
    public RedAssert passesEveryCheck() {
        return passes("every RED check passes", () -> verifier.verify(sent, since(sent), console));
    }

    /**
     * A broken stack: some check fails, and the failed checks' messages name every cause given (the runtime checks
     * say what broke, not only that something did).
     */
    public RedAssert failsNaming(String... causes) {
        console.accept("checking: the broken stack fails naming " + Arrays.toString(causes));
        List<CheckResult> results = verifier.verify(sent, since(sent), console);
        List<CheckResult> failed = results.stream().filter(CheckResult::failed).toList();
        String failures = failed.stream().map(c -> c.name() + ": " + c.message()).collect(Collectors.joining("\n"));
        List<String> unnamed = Arrays.stream(causes).filter(cause -> !failures.contains(cause)).toList();
        if (failed.isEmpty() || !unnamed.isEmpty()) {
            throw new AssertionFailedError((failed.isEmpty() ? "every check passed, but the stack is broken"
                    : "the failed checks do not name " + unnamed) + "; expected the failures to name " + Arrays.toString(causes),
                    String.join("\n", causes), failed.isEmpty() ? "(no failed check)" : failures);
        }
        return this;
    }

    /** Where the run's traffic starts: its primer wave's window. */
    static Instant since(SentTraffic sent) {
        return sent.primer().window().start();
    }

    private RedAssert passes(String claim, Supplier<List<CheckResult>> checks) {
        console.accept("checking: " + claim);
        ClaimVerdict.of(claim, checks.get()).skipped().forEach(c -> console.accept("SKIP  " + c.name() + ": " + c.message()));
        return this;
    }
}
