package org.oteltutorial.harness.naming;

/** The upstream programs whose version decides a default. */
public enum Program {
    COLLECTOR_CONTRIB, JAEGER, PROMETHEUS
}
