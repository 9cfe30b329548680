package dev.orb.adapter.alpaca;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import dev.orb.ports.OrbClock;

/** A clock the test moves by hand. Thread-safe. */
final class TestClock implements OrbClock {
    private final AtomicReference<Instant> now;

    TestClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    @Override
    public Instant now() {
        return now.get();
    }

    @Override
    public long monotonicNanos() {
        return now.get().getEpochSecond() * 1_000_000_000L + now.get().getNano();
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }
}
