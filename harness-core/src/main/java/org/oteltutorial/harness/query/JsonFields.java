package org.oteltutorial.harness.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Strict reads of JSON tree fields; a missing or mistyped field becomes a {@link ResponseFormatException}. */
final class JsonFields {

    private JsonFields() {
    }

    static JsonNode field(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw new ResponseFormatException("missing field '" + name + "' in " + abbreviate(parent));
        }
        return value;
    }

    static String text(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isString()) {
            throw new ResponseFormatException("field '" + name + "' is not a string in " + abbreviate(parent));
        }
        return value.stringValue();
    }

    /** A string field, or "" when it is absent or not a string. */
    static String optionalText(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        return value != null && value.isString() ? value.stringValue() : "";
    }

    static long integer(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ResponseFormatException("field '" + name + "' is not an integer in " + abbreviate(parent));
        }
        return value.longValue();
    }

    /** The elements of an array field; an absent field or JSON {@code null} is an empty list. */
    static List<JsonNode> elements(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new ResponseFormatException("field '" + name + "' is not an array in " + abbreviate(parent));
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    /** An array of strings; an absent field or JSON {@code null} is an empty list. */
    static List<String> strings(JsonNode parent, String name) {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : elements(parent, name)) {
            if (!element.isString()) {
                throw new ResponseFormatException("'" + name + "' holds a non-string: " + abbreviate(element));
            }
            strings.add(element.stringValue());
        }
        return List.copyOf(strings);
    }

    /** A JSON object of string values, such as Prometheus' {@code metric} label set. */
    static Map<String, String> stringMap(JsonNode object) {
        if (!object.isObject()) {
            throw new ResponseFormatException("expected an object of labels but got " + abbreviate(object));
        }
        Map<String, String> map = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!entry.getValue().isString()) {
                throw new ResponseFormatException(
                        "label '" + entry.getKey() + "' is not a string in " + abbreviate(object));
            }
            map.put(entry.getKey(), entry.getValue().stringValue());
        }
        return Collections.unmodifiableMap(map);
    }

    static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
