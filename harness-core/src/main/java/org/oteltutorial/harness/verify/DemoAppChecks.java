package org.oteltutorial.harness.verify;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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

    /** Every instrumented demo service has RED series in Prometheus and SPM data in Jaeger. */
    public List<CheckResult> check(List<String> services, Instant since, Duration timeout) {
        List<CheckResult> results = new ArrayList<>();
        for (String service : services) {
            String selector = expected.prometheusNames().calls() + "{service_name=\"" + service + "\"}";
            Eventually.Outcome<Integer> series = new Eventually(timeout, Duration.ofSeconds(1))
                    .until(() -> prometheus.query(selector).size(), n -> n > 0);
            int n = series.last() == null ? 0 : series.last();
            results.add((n > 0 ? CheckResult.pass("demo service " + service + ": " + expected.prometheusNames().calls(), "series",
                    n + " series", "the auto-instrumented app's spans become RED metrics")
                    : CheckResult.fail("demo service " + service + ": " + expected.prometheusNames().calls(), "series",
                            "none " + series.describeWait(), "no RED series for the app: is the pod injected (annotation, operator"
                                    + " Ready before the pod started) and does the Instrumentation point at the collector?"))
                    .withSeconds(series.waited()));
            Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Duration ratePer = SpmChecks.ratePerFor(expected.flushInterval());
            MetricsQuery query = MetricsQuery.forServices(service).endTs(end)
                    .lookback(Duration.ofMillis(Duration.between(since.minus(ratePer), end).toMillis()))
                    .ratePer(ratePer);
            try {
                boolean data = !jaeger.calls(query).isEmpty();
                results.add(data ? CheckResult.pass("demo service " + service + ": Jaeger SPM", "data", "data", "the Monitor tab shows it")
                        : CheckResult.fail("demo service " + service + ": Jaeger SPM", "data", "metrics: []",
                                "Jaeger SPM shows nothing for the app although its traffic was sent"));
            } catch (RuntimeException e) {
                results.add(CheckResult.fail("demo service " + service + ": Jaeger SPM", "data", "error", e.getMessage()));
            }
        }
        return results;
    }
}
