package dev.orb.adapter.alpaca.internal;

import java.time.Duration;

/**
 * Waits for a duration. The adapter waits for rate-limit resets and between retries through this, so that
 * tests can substitute one that advances a manual clock instead of sleeping for real minutes.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /** Returns after {@code duration} (zero or negative: at once). */
    void sleep(Duration duration) throws InterruptedException;
}
