package org.oteltutorial.harness.query;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Immutable, name-sorted copies of label sets, so that records print the same way every time. */
final class Labels {

    private Labels() {
    }

    static Map<String, String> copyOf(Map<String, String> labels) {
        return Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
