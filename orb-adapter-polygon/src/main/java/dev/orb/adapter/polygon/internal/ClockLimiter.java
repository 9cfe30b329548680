package dev.orb.adapter.polygon.internal;

import java.time.Duration;

import dev.orb.ports.OrbClock;

/**
 * {@link RequestLimiter} with the semantics of resilience4j's {@code AtomicRateLimiter} (fixed windows counted from
 * construction, {@code permits} per window, unused permits not carried over, permits of later windows reserved in
 * order) measured on an {@link OrbClock}, so a simulated clock can run a five-a-minute plan in microseconds.
 */
final class ClockLimiter implements RequestLimiter {
    private final int permits;
    private final long periodNanos;
    private final OrbClock clock;
    private final long origin;
    private long activeWindow;
    /** Permits left in {@code activeWindow}; negative when later windows are already booked. */
    private long available;

    ClockLimiter(int permits, Duration period, OrbClock clock) {
        this.permits = permits;
        this.periodNanos = period.toNanos();
        this.clock = clock;
        this.origin = clock.monotonicNanos();
        this.available = permits;
    }

    @Override
    public synchronized Duration reserve() {
        long elapsed = clock.monotonicNanos() - origin;
        long window = elapsed / periodNanos;
        if (window > activeWindow) {
            // Each window that began since the last reservation brings a fresh budget, never more than one window's.
            long gap = window - activeWindow;
            available = gap > Integer.MAX_VALUE ? permits : Math.min(permits, available + gap * permits);
            activeWindow = window;
        }
        available--;
        if (available >= 0) {
            return Duration.ZERO;
        }
        long windowsAhead = (-available + permits - 1) / permits;
        long waitNanos = (activeWindow + windowsAhead) * periodNanos - elapsed;
        if (waitNanos > Resilience4jLimiter.MAX_WAIT.toNanos()) {
            available++;
            throw new IllegalStateException("Polygon rate limiter: next permit is more than "
                    + Resilience4jLimiter.MAX_WAIT + " away");
        }
        return Duration.ofNanos(waitNanos);
    }

    @Override
    public String toString() {
        return "clock " + permits + "/" + Duration.ofNanos(periodNanos);
    }
}
