package dev.orb.ports;

import java.time.Instant;

/** {@link OrbClock#system()}: the sanctioned reader of the machine's clock. */
final class SystemClock implements OrbClock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }

    @Override
    public String toString() {
        return "OrbClock.system()";
    }
}
