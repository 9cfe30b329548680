package dev.orb.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.orb.core.fakes.ManualClock;

class RateLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2024-03-12T14:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(3, clock::monotonicNanos);

    @Test
    void burstOfTheLimit_thenRefusedWithTheWait() {
        assertThat(limiter.acquire("alice")).isZero();
        assertThat(limiter.acquire("alice")).isZero();
        assertThat(limiter.acquire("alice")).isZero();
        // one token refills in 20 s at 3 a minute
        assertThat(limiter.acquire("alice")).isEqualTo(20);
    }

    @Test
    void refillsWithTheClock() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("alice");
        }
        clock.advance(Duration.ofSeconds(19));
        assertThat(limiter.acquire("alice")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire("alice")).isZero();
    }

    @Test
    void eachUserHasTheirOwnBucket() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("alice");
        }
        assertThat(limiter.acquire("alice")).isPositive();
        assertThat(limiter.acquire("bob")).isZero();
    }

    @Test
    void neverMoreThanTheBurstAfterALongPause() {
        clock.advance(Duration.ofHours(5));
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            if (limiter.acquire("alice") == 0) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(3);
    }
}
