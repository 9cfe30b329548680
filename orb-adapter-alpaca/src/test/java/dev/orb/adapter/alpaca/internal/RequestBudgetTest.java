package dev.orb.adapter.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** How long a 429 makes a request wait. */
class RequestBudgetTest {
    private static final Instant NOW = Instant.parse("2024-03-11T13:35:00.250Z");

    @Property
    void waitIsNeverNegativeNorLongerThanTheCap(@ForAll @LongRange(min = -10, max = 4_000_000_000L) long reset,
                                                @ForAll @LongRange(min = 0, max = 10) long attempt) {
        Duration wait = RequestBudget.waitUntilReset(Long.toString(reset), NOW, (int) attempt);

        assertThat(wait).isPositive().isLessThanOrEqualTo(RequestBudget.LONGEST_RESET_WAIT);
    }

    @Property
    void resetWithinAMinute_isWaitedForExactly(@ForAll @LongRange(min = 1, max = 64) long seconds) {
        long reset = NOW.getEpochSecond() + seconds;

        assertThat(RequestBudget.waitUntilReset(Long.toString(reset), NOW, 0))
                .isEqualTo(Duration.between(NOW, Instant.ofEpochSecond(reset)));
    }

    @Test
    void missingOrGarbledHeader_backsOffExponentially() {
        assertThat(RequestBudget.waitUntilReset(null, NOW, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RequestBudget.waitUntilReset("soon", NOW, 2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RequestBudget.waitUntilReset(Long.toString(NOW.getEpochSecond() - 5), NOW, 1))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void perMinuteBudget_neverExceedsTheLimitInAnySlidingMinute() {
        int permitsPerCycle = 200 / 5;
        int cyclesTouchedByAMinute = (int) (Duration.ofMinutes(1).toSeconds() / RequestBudget.CYCLE.toSeconds()) + 1;

        assertThat(permitsPerCycle * cyclesTouchedByAMinute).isLessThanOrEqualTo(200);
    }
}
