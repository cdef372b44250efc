package org.oteltutorial.harness.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Decodes Jaeger's MetricFamily as gogo jsonpb writes it: lowerCamelCase fields, labels as {@code {name,value}} pairs,
 * {@code gaugeValue.doubleValue} as a number or the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"},
 * {@code gaugeValue.intValue} as a string or a number (proto3 JSON writes int64 as a string), and timestamps as
 * RFC 3339 strings with 0, 3, 6 or 9 fractional digits.
 */
final class JaegerMetricsFormat {

    private JaegerMetricsFormat() {
    }

    static MetricFamily family(JsonNode root) {
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode metric : JsonFields.elements(root, "metrics")) {
            metrics.add(metric(metric));
        }
        return new MetricFamily(JsonFields.optionalText(root, "name"), JsonFields.optionalText(root, "type"),
                JsonFields.optionalText(root, "help"), metrics);
    }

    private static Metric metric(JsonNode metric) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (JsonNode label : JsonFields.elements(metric, "labels")) {
            labels.put(JsonFields.text(label, "name"), JsonFields.optionalText(label, "value"));
        }
        List<MetricPoint> points = new ArrayList<>();
        for (JsonNode point : JsonFields.elements(metric, "metricPoints")) {
            points.add(new MetricPoint(timestamp(JsonFields.text(point, "timestamp")),
                    gaugeValue(JsonFields.field(point, "gaugeValue"))));
        }
        return new Metric(labels, points);
    }

    private static double gaugeValue(JsonNode gauge) {
        if (gauge.has("doubleValue")) {
            return doubleValue(gauge.get("doubleValue"));
        }
        if (gauge.has("intValue")) {
            JsonNode value = gauge.get("intValue");
            try {
                return value.isString() ? Long.parseLong(value.stringValue()) : JsonFields.integer(gauge, "intValue");
            } catch (NumberFormatException e) {
                throw new ResponseFormatException("intValue is not an integer: " + value, e);
            }
        }
        throw new ResponseFormatException("gaugeValue has neither doubleValue nor intValue: " + gauge);
    }

    private static double doubleValue(JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isString()) {
            switch (value.stringValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    // proto3 JSON also allows a number written as a string
                    try {
                        return Double.parseDouble(value.stringValue());
                    } catch (NumberFormatException e) {
                        throw new ResponseFormatException("doubleValue is not a number: " + value, e);
                    }
            }
        }
        throw new ResponseFormatException("doubleValue is not a number: " + value);
    }

    private static Instant timestamp(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ResponseFormatException("timestamp is not RFC 3339: \"" + text + "\"", e);
        }
    }
}
