package dev.orb.dashboard.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per user: {@code perMinute} actions may be taken at once, and the bucket refills at
 * {@code perMinute} per minute of the given monotonic clock. Thread-safe.
 */
public final class RateLimiter {
    /** Past this many users the table is cleared rather than grown (only authenticated users reach it). */
    static final int MAX_USERS = 10_000;
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int perMinute;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new HashMap<>();

    /**
     * @param perMinute actions per minute per user, ≥ 1; also the burst
     * @param nanos     monotonic nanoseconds (the clock port's)
     */
    public RateLimiter(int perMinute, LongSupplier nanos) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("actions per minute: " + perMinute + " must be ≥ 1");
        }
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    /**
     * Takes one action from {@code user}'s bucket.
     *
     * @return 0 when allowed, else the seconds to wait before the next action is allowed (≥ 1)
     */
    public synchronized long acquire(String user) {
        long now = nanos.getAsLong();
        if (buckets.size() >= MAX_USERS && !buckets.containsKey(user)) {
            buckets.clear();
        }
        Bucket b = buckets.computeIfAbsent(user, u -> new Bucket(perMinute, now));
        double elapsed = Math.max(0, now - b.refilledAt);
        b.tokens = Math.min(perMinute, b.tokens + elapsed * perMinute / NANOS_PER_MINUTE);
        b.refilledAt = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        // to the millisecond first, so that binary rounding cannot add a second
        long millis = Math.round((1 - b.tokens) * 60_000.0 / perMinute);
        return Math.max(1, (millis + 999) / 1000);
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
