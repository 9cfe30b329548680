package dev.orb.adapter.jdbc;

import java.time.Instant;

import dev.orb.ports.OrbClock;

/** A clock that stands still, for deterministic timestamps in tests. */
final class FixedClock implements OrbClock {
    private final Instant now;

    FixedClock(Instant now) {
        this.now = now;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public long monotonicNanos() {
        return 0;
    }
}
