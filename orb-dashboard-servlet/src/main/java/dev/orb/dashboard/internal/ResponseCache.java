package dev.orb.dashboard.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A micro-cache of the JSON read API: the answer to a {@code GET} of one of {@link #PATHS} is kept for a short
 * time-to-live and served again to the same user asking the same thing (path and query string), so that many
 * dashboards polling the same figures cost one query per TTL instead of one per request.
 *
 * <p>Staleness is bounded twice: an entry lives at most {@code ttl} (by the monotonic clock of the clock port),
 * and every entry becomes invalid at once when something that can change an answer happens — each action
 * ({@link #invalidate()} after it ran), each broker refresh of positions and account, and each engine decision,
 * alert and log line of the live feed ({@link EventBus#changes()}). An entry remembers the stamp taken
 * <em>before</em> its answer was computed, so an answer computed while an action ran is never served after it.
 * What changes the stores by other paths (the host writing logs, another process) is seen after at most the TTL.
 *
 * <p>Only 200 answers are kept, at most {@value #MAX_ENTRY_BYTES} bytes each and {@value #MAX_ENTRIES} entries
 * (the table is cleared rather than grown). A TTL of zero disables the cache. Thread-safe.
 */
public final class ResponseCache {
    /** The response header saying whether an answer came from the cache ({@code hit}) or not ({@code miss}). */
    public static final String HEADER = "X-Orb-Cache";
    /** The read endpoints whose answers may be kept (not the CSRF token, the stream, CSV or health checks). */
    static final Set<String> PATHS = Set.of("/api/positions", "/api/account", "/api/system/state", "/api/trades",
            "/api/signals", "/api/metrics", "/api/equity", "/api/pnl/intraday", "/api/logs", "/api/scanner/today",
            "/api/scanner/universe");
    static final int MAX_ENTRIES = 1024;
    static final int MAX_ENTRY_BYTES = 512 * 1024;

    private final long ttlNanos;
    private final LongSupplier nanos;
    private final EventBus bus;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param ttl   how long an answer may be served again, ≥ 0; zero disables the cache
     * @param nanos monotonic nanoseconds (the clock port's)
     * @param bus   the live feed's bus, whose changes invalidate every entry
     */
    public ResponseCache(Duration ttl, LongSupplier nanos, EventBus bus) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("response cache TTL: " + ttl + " must be ≥ 0");
        }
        this.ttlNanos = ttl.toNanos();
        this.nanos = nanos;
        this.bus = bus;
    }

    /** True when answers are kept (a TTL above zero). */
    public boolean enabled() {
        return ttlNanos > 0;
    }

    /** True when the answer to a GET of {@code path} may be kept. */
    boolean cacheable(String path) {
        return enabled() && PATHS.contains(path);
    }

    /** The key of a request: who asks (answers may depend on it) and exactly what, path and query string. */
    static String key(String user, String path, String query) {
        return (user == null ? "" : user) + '\u0000' + path + '?' + (query == null ? "" : query);
    }

    /**
     * The current stamp; take it before computing an answer and pass it to {@link #put}. It grows with every
     * invalidation and every change on the bus (both counters only grow, so their sum changes whenever either does).
     */
    long stamp() {
        return generation.get() + bus.changes();
    }

    /** The kept answer of {@code key}, or null when there is none, it expired or something changed since. */
    byte[] get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.stamp != stamp() || nanos.getAsLong() - e.storedAt >= ttlNanos) {
            entries.remove(key, e);
            return null;
        }
        return e.body;
    }

    /** Keeps {@code body} as the answer of {@code key}, computed after {@code stamp} was taken. */
    void put(String key, long stamp, byte[] body) {
        if (body.length > MAX_ENTRY_BYTES || stamp != stamp()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(stamp, nanos.getAsLong(), body));
    }

    /** Makes every kept answer invalid at once (after an action, or a broker refresh). */
    public void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Entries currently kept, valid or not (for tests). */
    int size() {
        return entries.size();
    }

    private record Entry(long stamp, long storedAt, byte[] body) {
    }
}
