package org.oteltutorial.harness.matrix;

import java.util.Arrays;
import java.util.Optional;

/** The three upstream programs a cell sets a version for, by the name cells use and the catalogue's local component. */
enum Component {
    COLLECTOR("collector", "otelcol"), JAEGER("jaeger", "jaeger"), PROMETHEUS("prometheus", "prometheus");

    private final String key;
    private final String catalogueName;

    Component(String key, String catalogueName) {
        this.key = key;
        this.catalogueName = catalogueName;
    }

    String key() {
        return key;
    }

    String catalogueName() {
        return catalogueName;
    }

    static Optional<Component> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
