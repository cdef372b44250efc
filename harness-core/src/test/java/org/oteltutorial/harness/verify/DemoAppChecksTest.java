package org.oteltutorial.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.report.CheckResult;
import org.oteltutorial.harness.report.CheckStatus;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.StackModel;

/** The tutorial's own traffic and the per-demo-service checks, against stand-ins that answer like the real servers. */
class DemoAppChecksTest {

    private static final String EMPTY_VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
    private static final String SUM = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
            + "\"value\":[1714061100,\"COUNT\"]}]}}";
    private static final String SPM = "{\"name\":\"service_call_rate\",\"type\":\"GAUGE\",\"help\":\"calls/sec, grouped by service\","
            + "\"metrics\":[{\"labels\":[{\"name\":\"service_name\",\"value\":\"SERVICE\"}],\"metricPoints\":[{\"gaugeValue\":"
            + "{\"doubleValue\":0.1},\"timestamp\":\"2024-04-25T16:05:00Z\"}]}]}";
    private static final String NO_SPM = "{\"name\":\"service_call_rate\",\"type\":\"GAUGE\",\"help\":\"calls/sec\",\"metrics\":[]}";

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();
    private final StackModel model = StackModel.from(new ManifestLoader().bundled());
    private Set<String> withData = Set.of();
    private final Map<String, Integer> serverCalls = new ConcurrentHashMap<>();
    private int frontendStatus = 200;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getTarget();
                String service = withData.stream().filter(target::contains).findFirst().orElse(null);
                if (target.startsWith("/api/v1/query")) {
                    String body = new String(request.getBody().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
                    String s = serverCalls.keySet().stream().filter(body::contains).findFirst().orElse(null);
                    return json(s == null ? EMPTY_VECTOR : SUM.replace("COUNT", String.valueOf(serverCalls.get(s))));
                }
                if (target.startsWith("/api/metrics/calls")) {
                    return json(service == null ? NO_SPM : SPM.replace("SERVICE", service));
                }
                return new MockResponse.Builder().code(frontendStatus).body("Ada rolled 4, Grace rolled 6").build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private DemoAppChecks checks() {
        String base = server.url("/").toString();
        return new DemoAppChecks(http, new PrometheusClient(base, http), new JaegerQueryClient(base, http), RedExpectations.of(model));
    }

    @Test
    void theInstrumentedServicesAreTheAnnotatedDeployments() {
        assertThat(DemoAppChecks.instrumentedServices(model))
                .containsExactly("backend1-deployment", "backend2-deployment", "frontend-deployment");
    }

    @Test
    void gameRequestsCarryPlayerNamesAndAllMustSucceed() throws InterruptedException {
        CheckResult ok = checks().sendTutorialTraffic(URI.create(server.url("/").toString()), 3);
        assertThat(ok.status()).isEqualTo(CheckStatus.PASS);
        assertThat(server.takeRequest().getTarget()).matches("/\\?player1=\\w+&player2=\\w+");

        frontendStatus = 500;
        CheckResult failed = checks().sendTutorialTraffic(URI.create(server.url("/").toString()), 2);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(failed.observed()).contains("500=2");
    }

    @Test
    void everyDemoServiceMustRiseByTheGameRequestsInPrometheusAndSpm() {
        List<String> services = List.of("frontend-deployment", "backend1-deployment", "backend2-deployment");
        services.forEach(service -> serverCalls.put(service, 7));
        DemoAppChecks checks = checks();
        Map<String, Double> before = checks.serverCalls(services);
        assertThat(before).containsExactlyInAnyOrderEntriesOf(Map.of("frontend-deployment", 7.0, "backend1-deployment", 7.0,
                "backend2-deployment", 7.0));
        serverCalls.put("frontend-deployment", 10);
        serverCalls.put("backend1-deployment", 9);
        // 0.1 calls/s over the 60 s window of a 15 s flush: 6 calls
        withData = Set.of("frontend-deployment", "backend1-deployment");

        List<CheckResult> results = checks.check(before, 3, Instant.now().minusSeconds(60), Duration.ofMillis(300));

        assertThat(results).extracting(CheckResult::name, CheckResult::status, CheckResult::observed).containsExactly(
                tuple("demo service backend1-deployment: calls_total", CheckStatus.FAIL, results.get(0).observed()),
                tuple("demo service backend1-deployment: Jaeger SPM", CheckStatus.PASS, "6.0 calls per 60 s window"),
                tuple("demo service backend2-deployment: calls_total", CheckStatus.FAIL, results.get(2).observed()),
                tuple("demo service backend2-deployment: Jaeger SPM", CheckStatus.FAIL, results.get(3).observed()),
                tuple("demo service frontend-deployment: calls_total", CheckStatus.PASS, "+3"),
                tuple("demo service frontend-deployment: Jaeger SPM", CheckStatus.PASS, "6.0 calls per 60 s window"));
        assertThat(results.get(0).observed()).startsWith("+2 after");
        assertThat(results.get(2).observed()).startsWith("+0 after");
        assertThat(results.get(3).observed()).startsWith("0.0 calls per 60 s window after");
        assertThat(results.get(4).expected()).isEqualTo("+3 or more");
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }
}
