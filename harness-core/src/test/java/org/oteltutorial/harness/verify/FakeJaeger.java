package org.oteltutorial.harness.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jaeger's query API with canned answers: {@code /api/metrics/*} (jsonpb MetricFamily, NaN as the string "NaN",
 * {@code "metrics": []} when nothing was set) and {@code /api/traces} (the classic UI JSON).
 */
final class FakeJaeger extends Dispatcher {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, MockResponse> metrics = new ConcurrentHashMap<>();
    private final List<HttpUrl> requests = new CopyOnWriteArrayList<>();
    private volatile MockResponse traces = traces(List.of());

    /**
     * Answers one metrics endpoint.
     *
     * @param key {@code calls}, {@code calls/grouped}, {@code errors}, {@code latencies/0.5}, {@code latencies/0.95}
     */
    FakeJaeger metrics(String key, Family family) {
        metrics.put(key, FakePrometheus.json(200, family.node));
        return this;
    }

    FakeJaeger metrics(String key, MockResponse response) {
        metrics.put(key, response);
        return this;
    }

    FakeJaeger traces(MockResponse response) {
        this.traces = response;
        return this;
    }

    List<HttpUrl> requests() {
        return List.copyOf(requests);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        requests.add(url);
        String path = url.encodedPath();
        if (path.equals("/api/traces")) {
            return traces;
        }
        if (path.startsWith("/api/metrics/")) {
            String key = path.substring("/api/metrics/".length());
            if ("true".equals(url.queryParameter("groupByOperation"))) {
                key += "/grouped";
            }
            if (url.queryParameter("quantile") != null) {
                key += "/" + url.queryParameter("quantile");
            }
            MockResponse canned = metrics.get(key);
            return canned != null ? canned : FakePrometheus.json(200, family("unset " + key).node);
        }
        return new MockResponse.Builder().code(404).body("404 page not found").build();
    }

    /** A MetricFamily as Jaeger writes it. */
    static Family family(String name) {
        return new Family(name);
    }

    static final class Family {
        private final ObjectNode node;
        private final ArrayNode metrics;

        private Family(String name) {
            node = JSON.createObjectNode().put("name", name).put("type", "GAUGE").put("help", "canned");
            metrics = node.putArray("metrics");
        }

        /**
         * One series. {@code pointsAfter} alternate timestamps and values; a value is a number or a string
         * ("NaN", "Infinity").
         */
        Family series(Map<String, String> labels, Object... timesAndValues) {
            ObjectNode metric = metrics.addObject();
            ArrayNode labelArray = metric.putArray("labels");
            labels.forEach((name, value) -> labelArray.addObject().put("name", name).put("value", value));
            ArrayNode points = metric.putArray("metricPoints");
            for (int i = 0; i < timesAndValues.length; i += 2) {
                ObjectNode point = points.addObject();
                ObjectNode gauge = point.putObject("gaugeValue");
                Object value = timesAndValues[i + 1];
                if (value instanceof String s) {
                    gauge.put("doubleValue", s);
                } else {
                    gauge.put("doubleValue", ((Number) value).doubleValue());
                }
                point.put("timestamp", ((Instant) timesAndValues[i]).toString());
            }
            return this;
        }
    }

    /** A trace as Jaeger prints it: {@code traceID} exactly as given, and {@code spans} spans of {@code service}. */
    record Trace(String printedId, String service, int spans) {
    }

    static MockResponse traces(List<Trace> traces) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (Trace t : traces) {
            ObjectNode trace = data.addObject().put("traceID", t.printedId());
            ArrayNode spans = trace.putArray("spans");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < t.spans(); i++) {
                String spanId = String.format("%016x", i + 1L);
                ObjectNode span = spans.addObject().put("traceID", t.printedId()).put("spanID", spanId)
                        .put("operationName", "GET /").put("startTime", 1714060800000000L + i).put("duration", 1000)
                        .put("processID", "p1").put("flags", 1);
                ArrayNode refs = span.putArray("references");
                if (i > 0) {
                    refs.addObject().put("refType", "CHILD_OF").put("traceID", t.printedId()).put("spanID", ids.get(0));
                }
                span.putArray("tags");
                span.putArray("logs");
                span.putNull("warnings");
                ids.add(spanId);
            }
            trace.putObject("processes").putObject("p1").put("serviceName", t.service()).putArray("tags");
            trace.putNull("warnings");
        }
        root.put("total", 0).put("limit", 0).put("offset", 0).putNull("errors");
        return FakePrometheus.json(200, root);
    }
}
