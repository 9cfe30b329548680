package dev.orb.sim.fill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import dev.orb.domain.Direction;
import dev.orb.domain.ExitReason;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;

/**
 * One filled and closed backtest trade (a row of the trades CSV of backtest-semantics.md).
 *
 * @param intent     the order it came from (planned entry, stop, shares)
 * @param fillTime   start of the bar the entry filled in
 * @param fillPrice  entry fill price, slippage included
 * @param exitTime   start of the bar the exit happened in, not before {@code fillTime}
 * @param exitPrice  exit price, slippage included
 * @param exitReason STOP or EOD
 * @param commission round trip, {@code 2 × rate × shares}, exact, ≥ 0
 * @param pnl        LONG {@code (exit − fill) × shares − commission}, SHORT {@code (fill − exit) × shares −
 *                   commission}, exact
 */
public record SimulatedTrade(OrderIntent intent, Instant fillTime, Price fillPrice, Instant exitTime, Price exitPrice,
                             ExitReason exitReason, BigDecimal commission, BigDecimal pnl) {
    public SimulatedTrade {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(fillTime, "fillTime");
        Objects.requireNonNull(fillPrice, "fillPrice");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(exitReason, "exitReason");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(pnl, "pnl");
        if (exitTime.isBefore(fillTime)) {
            throw new InvalidValueException("SimulatedTrade.exitTime: " + exitTime + " is before fillTime " + fillTime
                    + " (" + intent.symbol() + ")");
        }
        if (exitReason != ExitReason.STOP && exitReason != ExitReason.EOD) {
            throw new InvalidValueException("SimulatedTrade.exitReason: " + exitReason + " is not STOP or EOD");
        }
        if (commission.signum() < 0) {
            throw new InvalidValueException("SimulatedTrade.commission: " + commission.toPlainString()
                    + " must not be negative (" + intent.symbol() + ")");
        }
    }

    /** The ticker. */
    public Symbol symbol() {
        return intent.symbol();
    }

    /** LONG or SHORT. */
    public Direction direction() {
        return intent.direction();
    }

    /** Shares traded (the whole order fills). */
    public long shares() {
        return intent.shares();
    }

    /** The trade as the domain's closed {@link TradeRecord}. */
    public TradeRecord toTradeRecord() {
        return new TradeRecord(intent.clientOrderId(), intent.session(), intent.symbol(), intent.direction(),
                intent.shares(), intent.entryStop(), intent.protectiveStop(), fillTime, fillPrice.toBigDecimal(),
                exitTime, exitPrice.toBigDecimal(), exitReason, commission, pnl);
    }
}
