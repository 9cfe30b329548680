package dev.orb.adapter.polygon.internal;

import java.time.Duration;

import dev.orb.adapter.polygon.PolygonConfig;
import dev.orb.adapter.polygon.Sleeper;
import dev.orb.ports.OrbClock;

/**
 * The plan's rate limit: every HTTP attempt (retries and pages included, since Polygon counts them) takes one
 * permit. Permits come {@code n} per fixed window; a caller past the window's budget reserves a permit of a later
 * window and waits for it through the {@link Sleeper}. Safe for concurrent use; waiting happens outside any lock.
 */
interface RequestLimiter {
    /**
     * Reserves one permit and returns how long the caller must wait before using it (zero when available now).
     *
     * @throws IllegalStateException if the wait would exceed a day (the limiter is misconfigured or flooded)
     */
    Duration reserve();

    /** The limiter for {@code config}: resilience4j's with the system clock, the clock-driven one otherwise. */
    static RequestLimiter of(PolygonConfig config) {
        if (config.clock() == OrbClock.system()) {
            return new Resilience4jLimiter(config.requestsPerPeriod(), config.ratePeriod());
        }
        return new ClockLimiter(config.requestsPerPeriod(), config.ratePeriod(), config.clock());
    }
}
