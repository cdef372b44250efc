package org.oteltutorial.harness.verify;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.MetricsQuery;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Workload;

/**
 * Where the demo app runs (Kubernetes stacks): the tutorial's own traffic, requests to the frontend with player names
 * as a reader's browser sends them, and then, for every instrumented demo service, {@code calls} series in Prometheus
 * and data in Jaeger SPM. The operator names each service after its Deployment.
 */
public final class DemoAppChecks {

    static final String INJECT_ANNOTATION = "instrumentation.opentelemetry.io/inject-";
    private static final List<String> PLAYERS = List.of("Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara");

    private final OkHttpClient http;
    private final PrometheusClient prometheus;
    private final JaegerQueryClient jaeger;
    private final RedExpectations expected;

    public DemoAppChecks(OkHttpClient http, PrometheusClient prometheus, JaegerQueryClient jaeger, RedExpectations expected) {
        this.http = http;
        this.prometheus = prometheus;
        this.jaeger = jaeger;
        this.expected = expected;
    }

    /** The Deployments the operator instruments: their names are the service names the app reports. */
    public static List<String> instrumentedServices(StackModel model) {
        return model.workloads().stream()
                .filter(w -> w.podAnnotations().entrySet().stream()
                        .anyMatch(a -> a.getKey().startsWith(INJECT_ANNOTATION) && "true".equals(a.getValue())))
                .map(Workload::name).sorted().toList();
    }

    /** Sends {@code requests} game requests to the frontend; the check passes when every one answers 2xx. */
    public CheckResult sendTutorialTraffic(URI frontend, int requests) {
        Map<String, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            String url = frontend.resolve("/?player1=" + PLAYERS.get(i % PLAYERS.size()) + "&player2="
                    + PLAYERS.get((i + 1) % PLAYERS.size())).toString();
            String status;
            try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
                status = String.valueOf(response.code());
            } catch (IOException e) {
                status = "no answer";
            }
            statuses.merge(status, 1, Integer::sum);
        }
        int ok = statuses.entrySet().stream().filter(e -> e.getKey().startsWith("2")).mapToInt(Map.Entry::getValue).sum();
        String observed = statuses.toString();
        return ok == requests ? CheckResult.pass("tutorial app: the frontend answers the game", requests + " × 2xx", observed,
                "requests with player names, as the tutorial's browser sends them")
                : CheckResult.fail("tutorial app: the frontend answers the game", requests + " × 2xx", observed,
                        "the frontend or a backend it calls failed; see the failure bundle's pod logs");
    }

    /** What each demo service's server spans count before the tutorial traffic: the base its increase is measured from. */
    public Map<String, Double> serverCalls(List<String> services) {
        Map<String, Double> counts = new TreeMap<>();
        for (String service : services) {
            counts.put(service, serverCallsOf(service));
        }
        return counts;
    }

    private double serverCallsOf(String service) {
        var vector = prometheus.query("sum(" + expected.prometheusNames().calls() + "{service_name=\"" + service + "\", span_kind=\""
                + SentTraffic.SERVER + "\"})");
        return vector.isEmpty() ? 0 : vector.sum();
    }

    /**
     * Every game request passes the frontend, which calls both backends once: each demo service's server calls rise by
     * at least {@code requests} in Prometheus, and Jaeger SPM's call rate covers at least that many calls, both waited
     * for as the other RED checks are.
     */
    public List<CheckResult> check(Map<String, Double> before, int requests, Instant since, Duration timeout) {
        List<CheckResult> results = new ArrayList<>();
        Duration ratePer = SpmChecks.ratePerFor(expected.flushInterval());
        for (Map.Entry<String, Double> base : before.entrySet()) {
            String service = base.getKey();
            String name = "demo service " + service + ": " + expected.prometheusNames().calls();
            Eventually.Outcome<Double> rise = new Eventually(timeout, Duration.ofSeconds(1))
                    .until(() -> serverCallsOf(service) - base.getValue(), n -> n >= requests);
            String observed = rise.last() == null ? "no answer " + rise.describeWait() : "+" + PrometheusChecks.trim(rise.last());
            results.add((rise.satisfied() ? CheckResult.pass(name, "+" + requests + " or more", observed,
                    "the auto-instrumented app's server spans become RED metrics")
                    : CheckResult.fail(name, "+" + requests + " or more", observed + " " + rise.describeWait(),
                            "the app's server calls did not rise by the game requests sent: is the pod injected (annotation,"
                                    + " operator Ready before the pod started) and does the Instrumentation point at the collector?"))
                    .withSeconds(rise.waited()));
            String spmName = "demo service " + service + ": Jaeger SPM";
            Eventually.Outcome<Double> spm = new Eventually(timeout, Duration.ofSeconds(1)).until(() -> {
                Instant end = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                MetricsQuery query = MetricsQuery.forServices(service).endTs(end)
                        .lookback(Duration.ofMillis(Duration.between(since.minus(ratePer), end).toMillis())).ratePer(ratePer);
                return jaeger.calls(query).metrics().stream().flatMap(m -> m.finitePoints().stream())
                        .mapToDouble(p -> p.value() * ratePer.toSeconds()).max().orElse(0);
            }, calls -> calls >= requests - 1e-6);
            String spmObserved = spm.error() != null ? "error: " + spm.error()
                    : spm.last() == null ? "no answer" : String.format("%.1f calls per %d s window", spm.last(), ratePer.toSeconds());
            results.add((spm.satisfied() ? CheckResult.pass(spmName, requests + " calls or more per window", spmObserved,
                    "the Monitor tab shows the game's calls")
                    : CheckResult.fail(spmName, requests + " calls or more per window", spmObserved + " " + spm.describeWait(),
                            "Jaeger SPM does not show the app's calls although its traffic was sent"))
                    .withSeconds(spm.waited()));
        }
        return results;
    }
}
