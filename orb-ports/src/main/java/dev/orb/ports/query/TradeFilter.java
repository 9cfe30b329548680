package dev.orb.ports.query;

import java.time.LocalDate;

import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;

/**
 * Which trades to list. Every criterion is optional: a null component matches every trade.
 *
 * @param symbol    only this ticker (exact, case-sensitive), or null
 * @param direction only LONG or only SHORT trades (the trade's side), or null
 * @param status    only open or only closed trades, or null
 * @param from      first session date, inclusive, or null for no lower bound
 * @param to        last session date, inclusive, or null for no upper bound; not before {@code from}
 */
public record TradeFilter(Symbol symbol, Direction direction, TradeStatus status, LocalDate from, LocalDate to) {
    public TradeFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidValueException("TradeFilter.to: " + to + " is before from " + from);
        }
    }

    /** Every trade. */
    public static TradeFilter all() {
        return new TradeFilter(null, null, null, null, null);
    }

    public TradeFilter withSymbol(Symbol newSymbol) {
        return new TradeFilter(newSymbol, direction, status, from, to);
    }

    public TradeFilter withDirection(Direction newDirection) {
        return new TradeFilter(symbol, newDirection, status, from, to);
    }

    public TradeFilter withStatus(TradeStatus newStatus) {
        return new TradeFilter(symbol, direction, newStatus, from, to);
    }

    /** Sessions in {@code [newFrom, newTo]}; either bound may be null. */
    public TradeFilter between(LocalDate newFrom, LocalDate newTo) {
        return new TradeFilter(symbol, direction, status, newFrom, newTo);
    }
}
