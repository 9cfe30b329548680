package dev.orb.adapter.polygon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.orb.ports.OrbClock;

/**
 * Simulated time for tests: an {@link OrbClock} that only moves when the adapter sleeps through {@link #sleeper()}
 * or a test calls {@link #advance(Duration)}. Records every sleep.
 */
final class ManualTime implements OrbClock {
    private Instant now;
    private long nanos;
    private final List<Duration> sleeps = new ArrayList<>();

    ManualTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized long monotonicNanos() {
        return nanos;
    }

    synchronized void advance(Duration d) {
        now = now.plus(d);
        nanos += d.toNanos();
    }

    /** A sleeper that advances this clock instead of sleeping. */
    Sleeper sleeper() {
        return d -> {
            synchronized (this) {
                sleeps.add(d);
                advance(d);
            }
        };
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Simulated time elapsed since creation. */
    synchronized Duration elapsed() {
        return Duration.ofNanos(nanos);
    }
}
