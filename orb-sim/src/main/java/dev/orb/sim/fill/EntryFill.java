package dev.orb.sim.fill;

import java.time.Instant;
import java.util.Objects;

import dev.orb.domain.Price;

/**
 * A simulated entry fill.
 *
 * @param time  start of the bar it happened in
 * @param price the fill price, slippage included
 */
public record EntryFill(Instant time, Price price) {
    public EntryFill {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(price, "price");
    }
}
