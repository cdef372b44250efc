package org.oteltutorial.harness.query;

import java.util.Locale;

/**
 * The span kinds Jaeger's metrics API filters on ({@code spanKind=server}); Jaeger maps them to the spanmetrics
 * connector's {@code span_kind="SPAN_KIND_SERVER"} label values.
 */
public enum JaegerSpanKind {
    UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER;

    /** The lower-case name Jaeger expects in the {@code spanKind} parameter. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
