package dev.orb.core.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Direction;
import dev.orb.domain.ExitReason;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;

/**
 * A position of the session as the engine tracks it, from the first entry fill to the last exit fill.
 *
 * @param symbol            the ticker
 * @param direction         LONG or SHORT
 * @param entryOrderId      the entry's client order id, or null for a position orb did not open
 * @param openShares        shares still open, ≥ 0
 * @param enteredShares     shares bought (long) or sold short in total
 * @param entryNotional     Σ fill price × shares of the entry fills, exact
 * @param exitedShares      shares closed so far
 * @param exitNotional      Σ fill price × shares of the exit fills, exact
 * @param openedAt          first entry fill
 * @param lastExitAt        last exit fill, or null
 * @param stopPrice         the protective stop's price, or null when unknown
 * @param stop              how the position is protected
 * @param stopOrderId       client id of a stand-alone stop, or null
 * @param stopBrokerOrderId broker id of the working stop (leg or stand-alone), or null
 * @param stopAttempts      stand-alone stops sent so far (for their client order ids)
 * @param stopRejections    stand-alone stops refused in a row since the last one that worked (bounds retries)
 * @param pendingExit       why the engine asked the broker to close it, or null
 */
public record OpenPosition(Symbol symbol, Direction direction, ClientOrderId entryOrderId, long openShares,
                           long enteredShares, BigDecimal entryNotional, long exitedShares, BigDecimal exitNotional,
                           Instant openedAt, Instant lastExitAt, Price stopPrice, StopState stop,
                           ClientOrderId stopOrderId, String stopBrokerOrderId, int stopAttempts,
                           int stopRejections, ExitReason pendingExit) {
    public OpenPosition {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(entryNotional, "entryNotional");
        Objects.requireNonNull(exitNotional, "exitNotional");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(stop, "stop");
    }

    /** Average entry price, exact to 9 decimals. */
    public BigDecimal avgEntryPrice() {
        return enteredShares == 0 ? BigDecimal.ZERO
                : entryNotional.divide(BigDecimal.valueOf(enteredShares), Price.SCALE, RoundingMode.HALF_EVEN);
    }

    /** Average exit price, exact to 9 decimals, or null before the first exit. */
    public BigDecimal avgExitPrice() {
        return exitedShares == 0 ? null
                : exitNotional.divide(BigDecimal.valueOf(exitedShares), Price.SCALE, RoundingMode.HALF_EVEN);
    }

    /** Realised P&amp;L of the shares closed so far (before commissions), exact. */
    public BigDecimal realizedPnl() {
        if (exitedShares == 0) {
            return BigDecimal.ZERO;
        }
        // (exit − entry) per share on the closed shares, using exact notional sums when fully closed
        BigDecimal closedEntryCost = exitedShares == enteredShares ? entryNotional
                : entryNotional.multiply(BigDecimal.valueOf(exitedShares))
                        .divide(BigDecimal.valueOf(enteredShares), Price.SCALE, RoundingMode.HALF_EVEN);
        BigDecimal gross = exitNotional.subtract(closedEntryCost);
        return direction == Direction.LONG ? gross : gross.negate();
    }

    /** True while a working (or just sent) protective order, or an exit in progress, covers the position. */
    public boolean isProtected() {
        return openShares == 0 || pendingExit != null || stop == StopState.OTO_LEG
                || stop == StopState.STANDALONE_WORKING || stop == StopState.STANDALONE_PENDING;
    }

    /** Gross notional of the open shares at the average entry price. */
    public BigDecimal openNotional() {
        return avgEntryPrice().multiply(BigDecimal.valueOf(openShares));
    }

    OpenPosition withEntryFill(long qty, Price price) {
        return new OpenPosition(symbol, direction, entryOrderId, openShares + qty, enteredShares + qty,
                entryNotional.add(price.toBigDecimal().multiply(BigDecimal.valueOf(qty))), exitedShares, exitNotional,
                openedAt, lastExitAt, stopPrice, stop, stopOrderId, stopBrokerOrderId, stopAttempts, stopRejections, pendingExit);
    }

    OpenPosition withExitFill(long qty, Price price, Instant at) {
        return new OpenPosition(symbol, direction, entryOrderId, openShares - qty, enteredShares, entryNotional,
                exitedShares + qty, exitNotional.add(price.toBigDecimal().multiply(BigDecimal.valueOf(qty))), openedAt,
                at, stopPrice, stop, stopOrderId, stopBrokerOrderId, stopAttempts, stopRejections, pendingExit);
    }

    OpenPosition withStop(StopState newStop, Price newStopPrice, ClientOrderId newStopOrderId, String newStopBrokerId,
                          int newStopAttempts) {
        return new OpenPosition(symbol, direction, entryOrderId, openShares, enteredShares, entryNotional,
                exitedShares, exitNotional, openedAt, lastExitAt, newStopPrice, newStop, newStopOrderId,
                newStopBrokerId, newStopAttempts, stopRejections, pendingExit);
    }

    OpenPosition withStopRejections(int rejections) {
        return new OpenPosition(symbol, direction, entryOrderId, openShares, enteredShares, entryNotional,
                exitedShares, exitNotional, openedAt, lastExitAt, stopPrice, stop, stopOrderId, stopBrokerOrderId,
                stopAttempts, rejections, pendingExit);
    }

    OpenPosition withPendingExit(ExitReason reason) {
        return new OpenPosition(symbol, direction, entryOrderId, openShares, enteredShares, entryNotional,
                exitedShares, exitNotional, openedAt, lastExitAt, stopPrice, stop, stopOrderId, stopBrokerOrderId,
                stopAttempts, stopRejections, reason);
    }

    OpenPosition withOpenShares(long shares) {
        return new OpenPosition(symbol, direction, entryOrderId, shares, enteredShares, entryNotional, exitedShares,
                exitNotional, openedAt, lastExitAt, stopPrice, stop, stopOrderId, stopBrokerOrderId, stopAttempts,
                stopRejections, pendingExit);
    }
}
