package org.oteltutorial.harness.traffic;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads {@code traffic.yaml} into a {@link TrafficShape}, naming the offending path in every error. */
final class TrafficShapeReader {

  static final int VERSION = 1;

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "services", "request");
  private static final Set<String> SPAN_KEYS =
      Set.of("service", "name", "kind", "share", "fails", "attributes", "errorAttributes", "children");

  private final String source;

  private TrafficShapeReader(String source) {
    this.source = source;
  }

  static TrafficShape read(InputStream in, String source) {
    return new TrafficShapeReader(source).read(in);
  }

  private TrafficShape read(InputStream in) {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (JacksonException e) {
      throw new TrafficShapeException(source, "not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw fail("", "the file is empty");
    }
    requireObject(root, "");
    checkKeys(root, "", TOP_LEVEL_KEYS);
    JsonNode version = required(root, "", "version");
    if (!version.isIntegralNumber() || version.longValue() != VERSION) {
      throw fail("version", "unsupported version " + version + "; this harness reads version " + VERSION);
    }
    JsonNode servicesNode = required(root, "", "services");
    if (!servicesNode.isArray()) {
      throw fail("services", "expected a list of service names, found " + describe(servicesNode));
    }
    List<String> services = new ArrayList<>();
    for (int i = 0; i < servicesNode.size(); i++) {
      services.add(text(servicesNode.get(i), "services[" + i + "]"));
    }
    SpanTemplate request = span(required(root, "", "request"), "request", true);
    try {
      return new TrafficShape(services, request);
    } catch (IllegalArgumentException e) {
      throw new TrafficShapeException(source, e.getMessage(), e);
    }
  }

  private SpanTemplate span(JsonNode node, String path, boolean root) {
    requireObject(node, path);
    checkKeys(node, path, SPAN_KEYS);
    String service = text(required(node, path, "service"), path + ".service");
    String name = text(required(node, path, "name"), path + ".name");
    SpanKind kind = kind(required(node, path, "kind"), path + ".kind");
    BigDecimal share;
    JsonNode shareNode = node.get("share");
    if (root) {
      if (shareNode != null) {
        throw fail(path + ".share", "the root span has no share: its duration is drawn from the plan's latency mix");
      }
      share = BigDecimal.ONE;
    } else {
      if (shareNode == null) {
        throw fail(path, "missing key 'share' (this span's share of its parent's duration, in (0, 1])");
      }
      if (!shareNode.isNumber()) {
        throw fail(path + ".share", "expected a number in (0, 1], found " + describe(shareNode));
      }
      share = shareNode.decimalValue();
    }
    JsonNode failsNode = node.get("fails");
    boolean fails = false;
    if (failsNode != null) {
      if (!failsNode.isBoolean()) {
        throw fail(path + ".fails", "expected true or false, found " + describe(failsNode));
      }
      fails = failsNode.booleanValue();
    }
    Attributes attributes = attributes(node.get("attributes"), path + ".attributes");
    Attributes errorAttributes = attributes(node.get("errorAttributes"), path + ".errorAttributes");
    List<SpanTemplate> children = new ArrayList<>();
    JsonNode childrenNode = node.get("children");
    if (childrenNode != null && !childrenNode.isNull()) {
      if (!childrenNode.isArray()) {
        throw fail(path + ".children", "expected a list of spans, found " + describe(childrenNode));
      }
      for (int i = 0; i < childrenNode.size(); i++) {
        children.add(span(childrenNode.get(i), path + ".children[" + i + "]", false));
      }
    }
    try {
      return new SpanTemplate(service, name, kind, share, fails, attributes, errorAttributes, children);
    } catch (IllegalArgumentException e) {
      throw fail(path, e.getMessage());
    }
  }

  private SpanKind kind(JsonNode node, String path) {
    String value = text(node, path);
    String normalized = value.toUpperCase(Locale.ROOT);
    if (normalized.startsWith("SPAN_KIND_")) {
      normalized = normalized.substring("SPAN_KIND_".length());
    }
    for (SpanKind kind : SpanKind.values()) {
      if (kind.name().equals(normalized)) {
        return kind;
      }
    }
    throw fail(path, "unknown span kind '" + value + "'; expected one of SERVER, CLIENT, INTERNAL, PRODUCER, CONSUMER");
  }

  private Attributes attributes(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return Attributes.empty();
    }
    requireObject(node, path);
    AttributesBuilder builder = Attributes.builder();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      String at = path + "." + key;
      if (value.isString()) {
        builder.put(AttributeKey.stringKey(key), value.stringValue());
      } else if (value.isBoolean()) {
        builder.put(AttributeKey.booleanKey(key), value.booleanValue());
      } else if (value.isIntegralNumber() && value.canConvertToLong()) {
        builder.put(AttributeKey.longKey(key), value.longValue());
      } else if (value.isFloatingPointNumber()) {
        builder.put(AttributeKey.doubleKey(key), value.doubleValue());
      } else {
        throw fail(at, "an attribute value must be a string, an integer, a number or a boolean, found "
            + describe(value));
      }
    }
    return builder.build();
  }

  private JsonNode required(JsonNode node, String path, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw fail(path, "missing key '" + key + "'");
    }
    return value;
  }

  private String text(JsonNode node, String path) {
    if (!node.isString() || node.stringValue().isBlank()) {
      throw fail(path, "expected a non-empty string, found " + describe(node));
    }
    return node.stringValue();
  }

  private void requireObject(JsonNode node, String path) {
    if (!node.isObject()) {
      throw fail(path, "expected a mapping, found " + describe(node));
    }
  }

  private void checkKeys(JsonNode node, String path, Set<String> known) {
    for (String key : node.propertyNames()) {
      if (!known.contains(key)) {
        throw fail(path, "unknown key '" + key + "'; known keys: " + known.stream().sorted().toList());
      }
    }
  }

  private TrafficShapeException fail(String path, String message) {
    return new TrafficShapeException(source, (path.isEmpty() ? "" : path + ": ") + message, null);
  }

  private static String describe(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + (node.isContainer() ? "" : " " + node);
  }
}
