package dev.orb.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import dev.orb.domain.InvalidValueException;
import dev.orb.ports.OrbClock;

/**
 * An {@link OrbClock} moved by the simulation (the replayed data), never by the machine. It only moves
 * forward: {@link #advanceTo(Instant)} to an earlier instant is rejected, so a replay that feeds events out of
 * order fails loudly instead of letting rules see time run backwards.
 *
 * <p>{@link #monotonicNanos()} is derived from simulated time: the nanoseconds elapsed since the clock's origin
 * (the instant it was created at). Durations measured with it are therefore simulated durations.
 *
 * <p>Safe for concurrent use: readers see the latest advance; concurrent advances are serialised and each one
 * is checked against the time it actually replaces.
 */
public final class SimulatedClock implements OrbClock {
    private final Instant origin;
    private final AtomicReference<Instant> now;

    private SimulatedClock(Instant origin) {
        this.origin = origin;
        this.now = new AtomicReference<>(origin);
    }

    /** A clock reading {@code start}; its monotonic counter is 0 there. */
    public static SimulatedClock startingAt(Instant start) {
        return new SimulatedClock(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    /** Nanoseconds of simulated time since the origin; never decreases. */
    @Override
    public long monotonicNanos() {
        return Duration.between(origin, now.get()).toNanos();
    }

    /** The instant the clock started at. */
    public Instant origin() {
        return origin;
    }

    /**
     * Moves the clock to {@code target}. Moving to the current instant is allowed and changes nothing.
     *
     * @throws InvalidValueException if {@code target} is before the current time; the message names both
     */
    public void advanceTo(Instant target) {
        Objects.requireNonNull(target, "target");
        now.accumulateAndGet(target, (current, wanted) -> {
            if (wanted.isBefore(current)) {
                throw new InvalidValueException("SimulatedClock: cannot move back from " + current + " to " + wanted);
            }
            return wanted;
        });
    }

    /**
     * Moves the clock forward by {@code step}.
     *
     * @throws InvalidValueException if {@code step} is negative
     */
    public void advanceBy(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new InvalidValueException("SimulatedClock.step: " + step + " must not be negative");
        }
        now.updateAndGet(current -> current.plus(step));
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + now.get() + "]";
    }
}
