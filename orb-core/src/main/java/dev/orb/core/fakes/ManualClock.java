package dev.orb.core.fakes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.ports.OrbClock;

/** A clock that moves only when told, never backwards. Thread-safe. */
public final class ManualClock implements OrbClock {
    private Instant now;
    private long monotonic;

    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** A clock at a New York wall-clock time. */
    public static ManualClock at(LocalDate date, LocalTime time) {
        return new ManualClock(ZonedDateTime.of(date, time, MarketTime.NEW_YORK).toInstant());
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized long monotonicNanos() {
        return monotonic;
    }

    /** Moves forward by {@code d} (≥ 0). */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new InvalidValueException("ManualClock.advance: " + d + " is negative");
        }
        now = now.plus(d);
        monotonic += d.toNanos();
    }

    /** Moves forward to {@code t}; moving backwards is an error. */
    public synchronized void set(Instant t) {
        if (t.isBefore(now)) {
            throw new InvalidValueException("ManualClock.set: " + t + " is before the current time " + now);
        }
        monotonic += Duration.between(now, t).toNanos();
        now = t;
    }
}
