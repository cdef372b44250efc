package org.oteltutorial.harness.run;

import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.stack.StackEndpoints;

/** What Prometheus and Jaeger answer about the run when a check failed, for the failure bundle. */
public record LastAnswers(String prometheus, String jaeger) {

    public static LastAnswers fetch(StackEndpoints endpoints, String runId) {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
        try {
            return new LastAnswers(prometheus(new PrometheusClient(endpoints.prometheus().toString(), http), runId),
                    jaeger(new JaegerQueryClient(endpoints.jaegerQuery().toString(), http)));
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static String prometheus(PrometheusClient prometheus, String runId) {
        StringBuilder sb = new StringBuilder();
        try {
            sb.append("metric names: ").append(prometheus.labelValues("__name__", List.of())).append('\n');
            sb.append("series of run ").append(runId).append(":\n");
            prometheus.series(List.of("{service_name=~\".+-" + runId + "\"}"), java.time.Instant.now().minusSeconds(3600),
                    java.time.Instant.now()).forEach(s -> sb.append("  ").append(s).append('\n'));
        } catch (RuntimeException e) {
            sb.append("Prometheus did not answer: ").append(e.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String jaeger(JaegerQueryClient jaeger) {
        try {
            return "services: " + jaeger.services() + "\n";
        } catch (RuntimeException e) {
            return "Jaeger did not answer: " + e.getMessage() + "\n";
        }
    }
}
