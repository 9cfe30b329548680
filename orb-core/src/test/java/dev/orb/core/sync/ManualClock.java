package dev.orb.core.sync;

import java.time.Duration;
import java.time.Instant;

import dev.orb.ports.OrbClock;

/** A clock moved by the test (and by {@link ScriptedMarketData}, to play a rate-limited vendor). */
final class ManualClock implements OrbClock {
    private Instant now;
    private long nanos;

    ManualClock(Instant start) {
        now = start;
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

    synchronized void set(Instant instant) {
        nanos += Duration.between(now, instant).toNanos();
        now = instant;
    }
}
