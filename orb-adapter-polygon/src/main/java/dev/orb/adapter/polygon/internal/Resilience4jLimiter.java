package dev.orb.adapter.polygon.internal;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * {@link RequestLimiter} on resilience4j's {@code AtomicRateLimiter}, which measures windows on the machine's
 * monotonic clock. {@link RateLimiter#reservePermission()} only books the permit, so the caller can wait through its
 * own sleeper instead of resilience4j parking the thread.
 */
final class Resilience4jLimiter implements RequestLimiter {
    static final Duration MAX_WAIT = Duration.ofDays(1);

    private final RateLimiter limiter;

    Resilience4jLimiter(int permits, Duration period) {
        limiter = RateLimiter.of("polygon", RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(period)
                .timeoutDuration(MAX_WAIT)
                .build());
    }

    @Override
    public Duration reserve() {
        long nanos = limiter.reservePermission();
        if (nanos < 0) {
            throw new IllegalStateException("Polygon rate limiter: next permit is more than " + MAX_WAIT + " away");
        }
        return Duration.ofNanos(nanos);
    }

    @Override
    public String toString() {
        RateLimiterConfig c = limiter.getRateLimiterConfig();
        return "resilience4j " + c.getLimitForPeriod() + "/" + c.getLimitRefreshPeriod();
    }
}
