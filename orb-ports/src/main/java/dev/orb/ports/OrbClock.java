package dev.orb.ports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import dev.orb.domain.MarketTime;

/**
 * The only source of time in orb. Live trading uses {@link #system()}; simulations and tests use a clock
 * they advance themselves, so every rule behaves the same in a backtest as at 09:35 on a real morning.
 *
 * <p>Implementations must be safe for concurrent use.
 */
public interface OrbClock {
    /** Wall-clock time. Non-decreasing for simulated clocks; the system clock may step. */
    Instant now();

    /** Monotonic nanoseconds for measuring durations (latencies); unrelated to {@link #now()}. */
    long monotonicNanos();

    /** {@link #now()} in New York. */
    default ZonedDateTime nowInNewYork() {
        return now().atZone(MarketTime.NEW_YORK);
    }

    /** The zone of the exchange. */
    default ZoneId zone() {
        return MarketTime.NEW_YORK;
    }

    /** The machine's clock: the one place in the library that reads the wall clock. */
    static OrbClock system() {
        return SystemClock.INSTANCE;
    }
}
