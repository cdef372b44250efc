package org.oteltutorial.harness.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class StrategicMergeTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private ObjectNode node(String text) {
        return (ObjectNode) json.readTree(text.replace('\'', '"'));
    }

    @Test
    void listsOfTheCoreTypesMergeByTheirKeyAndNullDeletes() {
        ObjectNode live = node("{'containers': [{'name': 'a', 'env': [{'name': 'X', 'value': '1'}], 'ports': [{'containerPort': 80}]}],"
                + " 'args': ['--one'], 'gone': 1}");
        StrategicMerge.merge(live, node("{'containers': [{'name': 'a', 'env': [{'name': 'Y', 'value': '2'}], 'ports': [{'containerPort': 81}]},"
                + " {'name': 'b'}], 'args': ['--two'], 'gone': null}"), true);

        assertThat(live).isEqualTo(node("{'containers': [{'name': 'a', 'env': [{'name': 'X', 'value': '1'}, {'name': 'Y', 'value': '2'}],"
                + " 'ports': [{'containerPort': 80}, {'containerPort': 81}]}, {'name': 'b'}], 'args': ['--two']}"));
    }

    @Test
    void aMergePatchReplacesLists() {
        ObjectNode live = node("{'env': [{'name': 'X', 'value': '1'}]}");
        StrategicMerge.merge(live, node("{'env': [{'name': 'Y', 'value': '2'}]}"), false);
        assertThat(live).isEqualTo(node("{'env': [{'name': 'Y', 'value': '2'}]}"));
    }

    @Test
    void applyRemovesWhatTheLastAppliedConfigHadAndTheNewOneDoesNotButKeepsOthersChanges() {
        JsonNode last = node("{'metadata': {'labels': {'a': '1', 'b': '2'}}, 'env': [{'name': 'X', 'value': '1'}, {'name': 'Y', 'value': '1'}]}");
        ObjectNode live = node("{'metadata': {'labels': {'a': '1', 'b': '2'}, 'annotations': {'patched': 'yes'}},"
                + " 'env': [{'name': 'X', 'value': '1'}, {'name': 'Y', 'value': '1'}, {'name': 'Z', 'value': 'set env'}]}");
        StrategicMerge.apply(live, last, node("{'metadata': {'labels': {'a': '9'}}, 'env': [{'name': 'X', 'value': '2'}]}"));

        assertThat(live).isEqualTo(node("{'metadata': {'labels': {'a': '9'}, 'annotations': {'patched': 'yes'}},"
                + " 'env': [{'name': 'X', 'value': '2'}, {'name': 'Z', 'value': 'set env'}]}"));
    }
}
