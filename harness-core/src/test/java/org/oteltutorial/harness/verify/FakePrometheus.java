package org.oteltutorial.harness.verify;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.oteltutorial.harness.naming.MetricNames;
import org.oteltutorial.harness.traffic.Ledger;
import org.oteltutorial.harness.traffic.SentSpan;
import org.oteltutorial.harness.traffic.SpanKey;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Prometheus HTTP API that holds a fixed set of series: it answers instant queries of the form
 * {@code name{service_name=~"re"}} and {@code sum(name{service_name=~"re"})} from them, any other PromQL from canned
 * answers, and {@code /api/v1/label/__name__/values}. Label values and sample values are printed as Prometheus
 * prints them ({@code strconv.FormatFloat(v, 'f', -1, 64)}: "2", "1400", "0.002", "+Inf").
 */
final class FakePrometheus extends Dispatcher {

    static final Instant NOW = Instant.parse("2024-04-25T16:05:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{service_name=~\"([^\"]*)\"}");

    /** One series: its labels ({@code __name__} included) and its value. */
    record Series(Map<String, String> labels, double value) {
        String name() {
            return labels.get("__name__");
        }
    }

    private final List<Series> series = new CopyOnWriteArrayList<>();
    private final Map<String, List<Series>> answers = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();

    /**
     * The series the spanmetrics connector and Prometheus' OTLP receiver make of these ledgers: calls, and the
     * duration histogram's count, sum and cumulative buckets (bounds converted from nanoseconds as the connector
     * does), per span key.
     *
     * @param unitScale 1 for a histogram in ms, 0.001 for one in s
     */
    static FakePrometheus holding(MetricNames names, List<Double> boundsMs, double unitScale, Ledger... waves) {
        FakePrometheus p = new FakePrometheus();
        TreeSet<SpanKey> keys = new TreeSet<>();
        for (Ledger l : waves) {
            keys.addAll(l.keys());
        }
        double[] bounds = boundsMs.stream().mapToDouble(Double::doubleValue).toArray();
        for (SpanKey key : keys) {
            long[] perBucket = new long[bounds.length + 1];
            double sum = 0;
            long count = 0;
            for (Ledger l : waves) {
                for (SentSpan span : l.spans()) {
                    if (span.key().equals(key)) {
                        double latencyMs = span.duration().toNanos() / 1e6;
                        perBucket[searchFloat64s(bounds, latencyMs)]++;
                        sum += latencyMs * unitScale;
                        count++;
                    }
                }
            }
            p.add(names.calls(), key, null, count);
            p.add(names.durationCount(), key, null, count);
            p.add(names.durationSum(), key, null, sum);
            long cumulative = 0;
            for (int i = 0; i < bounds.length; i++) {
                cumulative += perBucket[i];
                long boundNanos = Math.round(bounds[i] * 1e6);
                double bound = unitScale == 1 ? boundNanos / 1e6 : boundNanos / 1e9;
                p.add(names.durationBucket(), key, format(bound), cumulative);
            }
            p.add(names.durationBucket(), key, "+Inf", count);
        }
        return p;
    }

    /**
     * The connector's bucket rule, written the connector's way rather than the harness's (which counts cumulatively
     * per bound): Go's {@code sort.SearchFloat64s}, the first bound at least the latency; past the last bound, +Inf.
     */
    private static int searchFloat64s(double[] bounds, double latencyMs) {
        int low = 0;
        int high = bounds.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (bounds[mid] < latencyMs) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Adds a series of a span key ({@code le} only for buckets). */
    FakePrometheus add(String name, SpanKey key, String le, double value) {
        series.add(new Series(labels(name, key, le), value));
        return this;
    }

    /** Adds a series of a span key under another {@code job} label, as a second scrape target would. */
    FakePrometheus addWithJob(String name, SpanKey key, String le, double value, String job) {
        Map<String, String> labels = labels(name, key, le);
        labels.put("job", job);
        series.add(new Series(labels, value));
        return this;
    }

    /** Replaces the value of one series, which must exist. */
    FakePrometheus set(String name, SpanKey key, String le, double value) {
        Map<String, String> labels = labels(name, key, le);
        int i = indexOf(labels);
        series.set(i, new Series(labels, value));
        return this;
    }

    /** Removes the series that match. */
    FakePrometheus remove(Predicate<Series> which) {
        series.removeIf(which);
        return this;
    }

    FakePrometheus removeName(String name) {
        return remove(s -> s.name().equals(name));
    }

    /** The value of one series, which must exist. */
    double value(String name, SpanKey key, String le) {
        return series.get(indexOf(labels(name, key, le))).value();
    }

    /** Answers exactly this PromQL with one sample. */
    FakePrometheus answer(String promql, Map<String, String> labels, double value) {
        answers.put(promql, List.of(new Series(labels, value)));
        return this;
    }

    /** Answers exactly this PromQL with an empty vector. */
    FakePrometheus answerEmpty(String promql) {
        answers.put(promql, List.of());
        return this;
    }

    List<String> queries() {
        return List.copyOf(queries);
    }

    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}, as Prometheus prints label and sample values. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/api/v1/query")) {
            Map<String, String> form = form(request.getBody() == null ? request.getUrl().encodedQuery() : request.getBody().utf8());
            String query = form.getOrDefault("query", "");
            queries.add(query);
            return query(query);
        }
        if (path.equals("/api/v1/label/__name__/values")) {
            ObjectNode root = JSON.createObjectNode().put("status", "success");
            ArrayNode data = root.putArray("data");
            series.stream().map(Series::name).distinct().sorted().forEach(data::add);
            return json(200, root);
        }
        return json(404, JSON.createObjectNode().put("status", "error").put("errorType", "not_found").put("error", path));
    }

    private MockResponse query(String query) {
        List<Series> known = answers.get(query);
        if (known != null) {
            return vector(known);
        }
        boolean sum = query.startsWith("sum(") && query.endsWith(")");
        Matcher m = SELECTOR.matcher(sum ? query.substring(4, query.length() - 1) : query);
        if (!m.matches()) {
            return json(400, JSON.createObjectNode().put("status", "error").put("errorType", "bad_data")
                    .put("error", "the fake Prometheus cannot evaluate " + query));
        }
        Pattern services = Pattern.compile(m.group(2));
        List<Series> selected = series.stream().filter(s -> s.name().equals(m.group(1)))
                .filter(s -> services.matcher(s.labels().getOrDefault("service_name", "")).matches()).toList();
        if (!sum) {
            return vector(selected);
        }
        return vector(selected.isEmpty() ? List.of()
                : List.of(new Series(Map.of(), selected.stream().mapToDouble(Series::value).sum())));
    }

    private static MockResponse vector(List<Series> samples) {
        ObjectNode root = JSON.createObjectNode().put("status", "success");
        ObjectNode data = root.putObject("data").put("resultType", "vector");
        ArrayNode result = data.putArray("result");
        for (Series s : samples) {
            ObjectNode element = result.addObject();
            ObjectNode metric = element.putObject("metric");
            s.labels().forEach(metric::put);
            element.putArray("value").add(NOW.getEpochSecond() + 0.5).add(format(s.value()));
        }
        return json(200, root);
    }

    private static Map<String, String> labels(String name, SpanKey key, String le) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("__name__", name);
        labels.put("job", key.service());
        labels.put("service_name", key.service());
        labels.put("span_name", key.spanName());
        labels.put("span_kind", key.kind());
        labels.put("status_code", key.status());
        if (le != null) {
            labels.put("le", le);
        }
        return labels;
    }

    private int indexOf(Map<String, String> labels) {
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).labels().equals(labels)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no series " + labels);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    static MockResponse json(int code, ObjectNode body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(JSON.writeValueAsString(body)).build();
    }
}
