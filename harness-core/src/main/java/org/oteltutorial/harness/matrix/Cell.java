package org.oteltutorial.harness.matrix;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cell of the version matrix: a version per component ({@code collector}, {@code jaeger}, {@code prometheus});
 * a component it leaves out keeps the manifests' version.
 */
public record Cell(String id, Map<String, String> versions) {

    public Cell {
        versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }
}
