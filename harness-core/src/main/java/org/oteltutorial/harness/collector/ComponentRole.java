package org.oteltutorial.harness.collector;

/** The top-level section of a collector config a component is defined in. */
public enum ComponentRole {
    RECEIVER("receivers"), PROCESSOR("processors"), EXPORTER("exporters"), CONNECTOR("connectors"), EXTENSION("extensions");

    private final String section;

    ComponentRole(String section) {
        this.section = section;
    }

    public String section() {
        return section;
    }
}
