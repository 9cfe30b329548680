package dev.orb.adapter.polygon;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How the adapter waits: for the rate limiter, between retries and after a {@code Retry-After}. Production uses
 * {@link #SYSTEM}; simulations and tests pass a sleeper that advances their own {@link dev.orb.ports.OrbClock}, so a
 * five-requests-a-minute plan and minutes of backoff run in milliseconds.
 *
 * <p>Implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface Sleeper {
    /** Really sleeps the calling thread. */
    Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    /**
     * Returns after {@code duration} (not negative; zero returns at once).
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
