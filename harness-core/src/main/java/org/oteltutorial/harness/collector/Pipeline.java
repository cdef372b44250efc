package org.oteltutorial.harness.collector;

import java.util.List;

/** One pipeline of {@code service.pipelines}, e.g. {@code traces/spanmetrics}. */
public record Pipeline(String id, Signal signal, List<ComponentId> receivers, List<ComponentId> processors,
        List<ComponentId> exporters) {

    public Pipeline {
        receivers = List.copyOf(receivers);
        processors = List.copyOf(processors);
        exporters = List.copyOf(exporters);
    }
}
