package dev.orb.adapter.polygon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.orb.ports.OrbClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LimiterTest {
    /** A clock moved by hand. */
    private static final class Ticks implements OrbClock {
        long nanos;

        @Override
        public Instant now() {
            return Instant.EPOCH.plusNanos(nanos);
        }

        @Override
        public long monotonicNanos() {
            return nanos;
        }
    }

    @Test
    void resilience4jLimiter_freeTier_bookingTheSixthPermitMeansWaitingForTheNextMinute() {
        Resilience4jLimiter limiter = new Resilience4jLimiter(5, Duration.ofMinutes(1));

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.reserve()).isZero();
        }
        Duration sixth = limiter.reserve();

        // Measured on the machine's clock, so only bounded: later than now, no later than one window.
        assertThat(sixth).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(limiter.reserve()).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void clockLimiter_unusedPermitsAreNotCarriedOver() {
        Ticks clock = new Ticks();
        ClockLimiter limiter = new ClockLimiter(5, Duration.ofMinutes(1), clock);

        clock.nanos = Duration.ofMinutes(10).toNanos();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.reserve()).isZero();
        }
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void clockLimiter_concurrentReservationsBookLaterWindowsInOrder() {
        Ticks clock = new Ticks();
        ClockLimiter limiter = new ClockLimiter(2, Duration.ofSeconds(10), clock);
        clock.nanos = Duration.ofSeconds(3).toNanos();

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(limiter.reserve());
        }

        assertThat(waits).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(7), Duration.ofSeconds(7),
                Duration.ofSeconds(17), Duration.ofSeconds(17));
    }

    /**
     * Whatever the arrivals, a caller that waits as told never makes more than {@code permits} requests in one
     * window, and never waits when its window still has a permit.
     */
    @Property
    void clockLimiter_neverExceedsThePermitsOfAWindow(
            @ForAll @IntRange(min = 1, max = 10) int permits,
            @ForAll @Size(max = 60) List<@LongRange(min = 0, max = 30_000) Long> gapsMillis) {
        Ticks clock = new Ticks();
        long period = Duration.ofSeconds(60).toNanos();
        ClockLimiter limiter = new ClockLimiter(permits, Duration.ofNanos(period), clock);
        List<Long> sent = new ArrayList<>();
        for (long gap : gapsMillis) {
            clock.nanos += Duration.ofMillis(gap).toNanos();
            Duration wait = limiter.reserve();
            long windowNow = clock.nanos / period;
            long usedInWindow = sent.stream().filter(t -> t / period == windowNow).count();
            if (usedInWindow < permits) {
                assertThat(wait).isZero();
            }
            clock.nanos += wait.toNanos();
            if (!wait.isZero()) {
                assertThat(clock.nanos % period).isZero();
            }
            sent.add(clock.nanos);
        }
        sent.stream().collect(java.util.stream.Collectors.groupingBy(t -> t / period,
                        java.util.stream.Collectors.counting()))
                .values().forEach(count -> assertThat(count).isLessThanOrEqualTo(permits));
    }
}
