package org.oteltutorial.harness.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** A multi-document YAML file as trees, to change one resource and write the file back (its comments are not kept). */
final class YamlDocuments {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final List<ObjectNode> documents;

    private YamlDocuments(List<ObjectNode> documents) {
        this.documents = documents;
    }

    static YamlDocuments parse(String text) {
        List<ObjectNode> docs = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
            while (values.hasNextValue()) {
                JsonNode doc = values.nextValue();
                if (doc instanceof ObjectNode o) {
                    docs.add(o);
                }
            }
        }
        return new YamlDocuments(docs);
    }

    Optional<ObjectNode> find(String kind, String name) {
        return documents.stream().filter(d -> d.path("kind").asString("").equals(kind)
                && d.path("metadata").path("name").asString("").equals(name)).findFirst();
    }

    void add(ObjectNode document) {
        documents.add(document);
    }

    static ObjectNode object() {
        return YAML.createObjectNode();
    }

    static JsonNode readTree(String yaml) {
        return YAML.readTree(yaml);
    }

    static String write(JsonNode node) {
        return YAML.writeValueAsString(node);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (ObjectNode d : documents) {
            String doc = YAML.writeValueAsString(d);
            out.append(doc.startsWith("---") ? doc : "---\n" + doc);
        }
        return out.toString();
    }
}
