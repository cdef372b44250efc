package org.oteltutorial.harness.lint;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oteltutorial.harness.collector.Signal;

/** Which signals a connector type consumes (as an exporter) and produces (as a receiver). */
record ConnectorSignals(Set<Signal> consumes, Set<Signal> produces) {

    private static final Set<Signal> ALL = Set.of(Signal.TRACES, Signal.METRICS, Signal.LOGS);
    private static final Map<String, ConnectorSignals> KNOWN = Map.of(
            "spanmetrics", new ConnectorSignals(Set.of(Signal.TRACES), Set.of(Signal.METRICS)),
            "servicegraph", new ConnectorSignals(Set.of(Signal.TRACES), Set.of(Signal.METRICS)),
            "exceptions", new ConnectorSignals(Set.of(Signal.TRACES), Set.of(Signal.METRICS, Signal.LOGS)),
            "count", new ConnectorSignals(ALL, Set.of(Signal.METRICS)),
            "forward", new ConnectorSignals(ALL, ALL),
            "routing", new ConnectorSignals(ALL, ALL));

    static Optional<ConnectorSignals> of(String type) {
        return Optional.ofNullable(KNOWN.get(type));
    }
}
