package dev.orb.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.orb.core.fakes.ManualClock;

class ResponseCacheTest {
    final ManualClock clock = new ManualClock(Instant.parse("2024-03-14T14:15:00Z"));
    final EventBus bus = new EventBus(16);
    final ResponseCache cache = new ResponseCache(Duration.ofMillis(250), clock::monotonicNanos, bus);
    final String key = ResponseCache.key("alice", "/api/trades", "limit=50");
    final byte[] body = {'{', '}'};

    @Test
    void anAnswerIsServedAgainUntilItsTtl() {
        cache.put(key, cache.stamp(), body);
        clock.advance(Duration.ofMillis(249));
        assertThat(cache.get(key)).isEqualTo(body);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get(key)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void invalidateDropsEverything() {
        cache.put(key, cache.stamp(), body);
        cache.invalidate();
        assertThat(cache.get(key)).isNull();
    }

    @Test
    void anEventOrAChangeOnTheBusDropsEverything() {
        cache.put(key, cache.stamp(), body);
        bus.publish("alert", clock.now(), "{}");
        assertThat(cache.get(key)).isNull();
        cache.put(key, cache.stamp(), body);
        bus.changed();
        assertThat(cache.get(key)).isNull();
    }

    @Test
    void snapshotsDoNotInvalidate() {
        cache.put(key, cache.stamp(), body);
        bus.snapshot("positions", clock.now(), "{}");
        assertThat(cache.get(key)).isEqualTo(body);
    }

    @Test
    void anAnswerComputedWhileSomethingChangedIsNeverServed() {
        long stamp = cache.stamp();
        // the answer is being computed from the old state when an action lands
        cache.invalidate();
        cache.put(key, stamp, body);
        assertThat(cache.get(key)).isNull();
        long stamp2 = cache.stamp();
        bus.changed();
        cache.put(key, stamp2, body);
        assertThat(cache.get(key)).isNull();
    }

    @Test
    void keysSeparateUsersAndQueries() {
        assertThat(ResponseCache.key("alice", "/api/trades", "limit=50"))
                .isNotEqualTo(ResponseCache.key(null, "/api/trades", "limit=50"))
                .isNotEqualTo(ResponseCache.key("alice", "/api/trades", "limit=5"))
                .isNotEqualTo(ResponseCache.key("alice", "/api/logs", "limit=50"));
        assertThat(ResponseCache.key("alice", "/api/trades", null)).isEqualTo(ResponseCache.key("alice", "/api/trades", ""));
    }

    @Test
    void boundedInEntriesAndSize() {
        for (int i = 0; i <= ResponseCache.MAX_ENTRIES; i++) {
            cache.put(ResponseCache.key("alice", "/api/trades", "offset=" + i), cache.stamp(), body);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(ResponseCache.MAX_ENTRIES);
        cache.put(key, cache.stamp(), new byte[ResponseCache.MAX_ENTRY_BYTES + 1]);
        assertThat(cache.get(key)).isNull();
    }

    @Test
    void aZeroTtlDisablesIt_andOnlyReadEndpointsAreCacheable() {
        ResponseCache off = new ResponseCache(Duration.ZERO, clock::monotonicNanos, bus);
        assertThat(off.enabled()).isFalse();
        assertThat(off.cacheable("/api/positions")).isFalse();
        assertThat(cache.cacheable("/api/positions")).isTrue();
        assertThat(cache.cacheable("/api/csrf")).isFalse();
        assertThat(cache.cacheable("/api/stream")).isFalse();
        assertThat(cache.cacheable("/api/trades.csv")).isFalse();
        assertThat(cache.cacheable("/api/scanner/health")).isFalse();
        assertThat(cache.cacheable("/")).isFalse();
        assertThatThrownBy(() -> new ResponseCache(Duration.ofMillis(-1), clock::monotonicNanos, bus))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
