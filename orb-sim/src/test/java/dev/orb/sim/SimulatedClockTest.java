package dev.orb.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.orb.domain.InvalidValueException;

class SimulatedClockTest {
    private static final Instant START = Instant.parse("2024-03-11T13:30:00Z");

    @Test
    void startsAtItsOrigin_withMonotonicZero() {
        SimulatedClock clock = SimulatedClock.startingAt(START);
        assertThat(clock.now()).isEqualTo(START);
        assertThat(clock.monotonicNanos()).isZero();
        assertThat(clock.nowInNewYork().toLocalTime()).hasToString("09:30");
    }

    @Test
    void advancesForward_andMonotonicCounterFollowsSimulatedTime() {
        SimulatedClock clock = SimulatedClock.startingAt(START);
        clock.advanceTo(START.plusSeconds(300));
        clock.advanceTo(START.plusSeconds(300));
        clock.advanceBy(Duration.ofMillis(1));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(300).plusMillis(1));
        assertThat(clock.monotonicNanos()).isEqualTo(300_001_000_000L);
    }

    @Test
    void movingBack_isRejectedWithBothInstants() {
        SimulatedClock clock = SimulatedClock.startingAt(START);
        clock.advanceTo(START.plusSeconds(60));
        assertThatThrownBy(() -> clock.advanceTo(START))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("SimulatedClock: cannot move back from 2024-03-11T13:31:00Z to 2024-03-11T13:30:00Z");
        assertThatThrownBy(() -> clock.advanceBy(Duration.ofSeconds(-1))).isInstanceOf(InvalidValueException.class);
        assertThat(clock.now()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void concurrentAdvances_neverMoveTimeBack() throws InterruptedException {
        SimulatedClock clock = SimulatedClock.startingAt(START);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    clock.advanceBy(Duration.ofNanos(1));
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(clock.monotonicNanos()).isEqualTo(40_000);
    }
}
