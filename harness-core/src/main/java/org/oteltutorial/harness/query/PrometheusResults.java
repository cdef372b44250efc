package org.oteltutorial.harness.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Decodes the {@code data} of query, query_range, label-values and series responses into records. */
final class PrometheusResults {

    private PrometheusResults() {
    }

    /** {@code resultType} vector, or scalar as one sample without labels. */
    static InstantVector instantVector(PrometheusEnvelope envelope) {
        JsonNode data = envelope.data();
        String resultType = JsonFields.text(data, "resultType");
        List<Sample> samples = new ArrayList<>();
        switch (resultType) {
            case "vector":
                for (JsonNode element : JsonFields.elements(data, "result")) {
                    Point point = point(sampleValue(element, "value"));
                    samples.add(new Sample(JsonFields.stringMap(JsonFields.field(element, "metric")),
                            point.value(), point.timestamp()));
                }
                break;
            case "scalar":
                Point point = point(JsonFields.field(data, "result"));
                samples.add(new Sample(Map.of(), point.value(), point.timestamp()));
                break;
            default:
                throw new ResponseFormatException("resultType '" + resultType
                        + "' is not an instant vector (a range selector needs queryRange or an aggregation)");
        }
        return new InstantVector(samples, envelope.warnings(), envelope.infos());
    }


    static List<String> labelValues(PrometheusEnvelope envelope) {
        JsonNode data = envelope.data();
        if (!data.isArray()) {
            throw new ResponseFormatException("label values are not an array: " + JsonFields.abbreviate(data));
        }
        List<String> values = new ArrayList<>();
        data.forEach(value -> {
            if (!value.isString()) {
                throw new ResponseFormatException("label value is not a string: " + value);
            }
            values.add(value.stringValue());
        });
        return List.copyOf(values);
    }

    static List<Map<String, String>> series(PrometheusEnvelope envelope) {
        JsonNode data = envelope.data();
        if (!data.isArray()) {
            throw new ResponseFormatException("series are not an array: " + JsonFields.abbreviate(data));
        }
        List<Map<String, String>> series = new ArrayList<>();
        data.forEach(labels -> series.add(JsonFields.stringMap(labels)));
        return List.copyOf(series);
    }

    /** The {@code value} or {@code values} of a result element, explaining native histograms, which have neither. */
    private static JsonNode sampleValue(JsonNode element, String name) {
        if (!element.has(name) && (element.has("histogram") || element.has("histograms"))) {
            throw new ResponseFormatException("native histogram samples are not supported (series "
                    + JsonFields.abbreviate(element.path("metric")) + "); query classic _bucket series instead");
        }
        return JsonFields.field(element, name);
    }

    /** {@code [1435781451.781, "1"]}. */
    private static Point point(JsonNode pair) {
        if (!pair.isArray() || pair.size() != 2) {
            throw new ResponseFormatException("expected [timestamp, \"value\"] but got " + JsonFields.abbreviate(pair));
        }
        return new Point(PrometheusFormat.timestamp(pair.get(0)), PrometheusFormat.value(pair.get(1)));
    }
}
