package org.oteltutorial.harness.query;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Decodes Jaeger's classic UI JSON for traces: {@code traceID}, {@code spans[]} with {@code startTime} and
 * {@code duration} in microseconds, {@code tags[{key,type,value}]}, {@code references[{refType,spanID}]} and a
 * {@code processID} into {@code processes{p1:{serviceName}}} (or an embedded {@code process}).
 */
final class JaegerTraceFormat {

    private JaegerTraceFormat() {
    }

    static List<JaegerTrace> traces(List<JsonNode> data) {
        List<JaegerTrace> traces = new ArrayList<>(data.size());
        for (JsonNode trace : data) {
            traces.add(trace(trace));
        }
        return List.copyOf(traces);
    }

    private static JaegerTrace trace(JsonNode trace) {
        Map<String, String> services = new HashMap<>();
        JsonNode processes = trace.path("processes");
        for (Map.Entry<String, JsonNode> process : processes.properties()) {
            services.put(process.getKey(), JsonFields.optionalText(process.getValue(), "serviceName"));
        }
        List<JaegerSpan> spans = new ArrayList<>();
        for (JsonNode span : JsonFields.elements(trace, "spans")) {
            spans.add(span(span, services));
        }
        return new JaegerTrace(JsonFields.text(trace, "traceID"), spans);
    }

    private static JaegerSpan span(JsonNode span, Map<String, String> services) {
        String service = span.has("process")
                ? JsonFields.optionalText(span.path("process"), "serviceName")
                : services.getOrDefault(JsonFields.optionalText(span, "processID"), "");
        List<String> parents = new ArrayList<>();
        for (JsonNode reference : JsonFields.elements(span, "references")) {
            parents.add(JsonFields.text(reference, "spanID"));
        }
        return new JaegerSpan(JsonFields.text(span, "spanID"), service, JsonFields.text(span, "operationName"),
                Instant.EPOCH.plus(JsonFields.integer(span, "startTime"), ChronoUnit.MICROS),
                Duration.of(JsonFields.integer(span, "duration"), ChronoUnit.MICROS),
                tags(span), parents);
    }

    private static Map<String, Object> tags(JsonNode span) {
        Map<String, Object> tags = new LinkedHashMap<>();
        for (JsonNode tag : JsonFields.elements(span, "tags")) {
            tags.put(JsonFields.text(tag, "key"), tagValue(tag));
        }
        return tags;
    }

    private static Object tagValue(JsonNode tag) {
        JsonNode value = JsonFields.field(tag, "value");
        switch (JsonFields.optionalText(tag, "type")) {
            case "bool":
                return value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asString());
            case "int64":
                return value.isIntegralNumber() ? value.longValue() : parseLong(value);
            case "float64":
                return value.isNumber() ? value.doubleValue() : parseDouble(value);
            default:
                // string, and binary (base64 text)
                return value.asString();
        }
    }

    private static long parseLong(JsonNode value) {
        try {
            return Long.parseLong(value.asString());
        } catch (NumberFormatException e) {
            throw new ResponseFormatException("int64 tag value is not an integer: " + value, e);
        }
    }

    private static double parseDouble(JsonNode value) {
        try {
            return Double.parseDouble(value.asString());
        } catch (NumberFormatException e) {
            throw new ResponseFormatException("float64 tag value is not a number: " + value, e);
        }
    }
}
