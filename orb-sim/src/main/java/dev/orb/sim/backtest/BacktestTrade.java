package dev.orb.sim.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import dev.orb.domain.Direction;
import dev.orb.domain.ExitReason;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.sim.fill.FillModel;

/**
 * One filled and closed trade of a backtest: a row of the trades CSV of backtest-semantics.md. Prices, fills and
 * times are the session engine's own record of the trade ({@link TradeRecord}); only the commission is added here,
 * because the engine trades as on a commission-free broker.
 *
 * @param date       session date
 * @param symbol     the ticker
 * @param direction  LONG or SHORT
 * @param shares     shares traded, ≥ 1
 * @param entryPrice planned entry (the stop trigger)
 * @param stopPrice  protective stop
 * @param fillTime   start of the bar the entry filled in
 * @param fillPrice  entry fill price, slippage included
 * @param exitTime   start of the bar the exit happened in
 * @param exitPrice  exit price, slippage included
 * @param exitReason STOP or EOD (FLATTEN with the daily loss limit set to flatten)
 * @param commission round trip, {@code 2 × rate × shares}, exact
 * @param pnl        LONG {@code (exit − fill) × shares − commission}, SHORT {@code (fill − exit) × shares −
 *                   commission}, exact
 */
public record BacktestTrade(LocalDate date, Symbol symbol, Direction direction, long shares, Price entryPrice,
                            Price stopPrice, Instant fillTime, BigDecimal fillPrice, Instant exitTime,
                            BigDecimal exitPrice, ExitReason exitReason, BigDecimal commission, BigDecimal pnl) {
    public BacktestTrade {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(fillTime, "fillTime");
        Objects.requireNonNull(fillPrice, "fillPrice");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(exitReason, "exitReason");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(pnl, "pnl");
        if (shares < 1) {
            throw new InvalidValueException("BacktestTrade.shares: " + shares + " must be at least 1 (" + symbol + ")");
        }
        if (exitTime.isBefore(fillTime)) {
            throw new InvalidValueException("BacktestTrade.exitTime: " + exitTime + " is before fillTime " + fillTime
                    + " (" + symbol + ")");
        }
    }

    /**
     * The row of a closed engine trade: the one place a backtest adds commission,
     * {@code pnl = engine pnl − fills.commission(shares)}.
     *
     * @throws InvalidValueException if the trade is still open
     */
    public static BacktestTrade of(TradeRecord trade, FillModel fills) {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(fills, "fills");
        if (!trade.isClosed()) {
            throw new InvalidValueException("BacktestTrade: trade " + trade.entryOrderId() + " is still open");
        }
        BigDecimal commission = fills.commission(trade.shares());
        // the engine's pnl is already net of the commission it knows of (none on a commission-free broker)
        BigDecimal net = money(trade.pnl().subtract(commission));
        return new BacktestTrade(trade.session(), trade.symbol(), trade.direction(), trade.shares(), trade.entryPrice(),
                trade.stopPrice(), trade.fillTime(), plain(trade.fillPrice()), trade.exitTime(),
                plain(trade.exitPrice()), trade.exitReason(), commission.add(trade.commission()), net);
    }

    private static BigDecimal plain(BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped;
    }

    /** Exact money without trailing zeros but with at least cents. */
    static BigDecimal money(BigDecimal value) {
        return plain(value);
    }
}
