package org.oteltutorial.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Times the phases of a run and shows each one on the console as it starts and ends. */
public final class PhaseClock {

    private final Consumer<String> console;
    private final List<Phase> phases = new ArrayList<>();

    public PhaseClock(Consumer<String> console) {
        this.console = console;
    }

    /** Starts a phase; closing the returned handle ends it. */
    public Running start(String name) {
        console.accept("▶ " + name);
        return new Running(name, System.nanoTime());
    }

    /** A progress line that is not a phase. */
    public void say(String line) {
        console.accept(line);
    }

    public List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** A phase in progress. */
    public final class Running implements AutoCloseable {
        private final String name;
        private final long start;
        private boolean ended;

        private Running(String name, long start) {
            this.name = name;
            this.start = start;
        }

        @Override
        public void close() {
            if (ended) {
                return;
            }
            ended = true;
            double seconds = Math.round((System.nanoTime() - start) / 1e8) / 10.0;
            phases.add(new Phase(name, seconds));
            console.accept("  " + name + " done in " + seconds + " s");
        }
    }
}
