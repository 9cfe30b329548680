package dev.orb.sim.fill;

import java.time.Instant;
import java.util.Objects;

import dev.orb.domain.ExitReason;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Price;

/**
 * A simulated exit fill.
 *
 * @param time   start of the bar it happened in
 * @param price  the exit price, slippage included
 * @param reason {@link ExitReason#STOP} or {@link ExitReason#EOD}, the only exits of a backtest
 */
public record ExitFill(Instant time, Price price, ExitReason reason) {
    public ExitFill {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(reason, "reason");
        if (reason != ExitReason.STOP && reason != ExitReason.EOD) {
            throw new InvalidValueException("ExitFill.reason: " + reason + " is not a backtest exit (STOP or EOD)");
        }
    }
}
