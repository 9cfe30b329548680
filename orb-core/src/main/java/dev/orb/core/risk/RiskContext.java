package dev.orb.core.risk;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;

/**
 * Everything a pre-trade check needs to know, as one immutable snapshot taken by the caller.
 *
 * @param account                   the broker account as last seen
 * @param startOfDayEquity          equity at the start of the session, dollars
 * @param killSwitchEngaged         the kill switch is on
 * @param entryWindowOpen           now is within {@code [scanTime, latestEntryTime)} of a trading session
 *                                  ({@link dev.orb.core.strategy.SessionSchedule})
 * @param openPositions             positions open at the broker, ≥ 0
 * @param workingEntries            entry orders sent and not yet filled, cancelled or rejected, ≥ 0
 * @param positionsNotional         gross {@code |qty| × price} of the open positions, dollars, ≥ 0
 * @param workingEntriesNotional    entry price × remaining shares of the working entries, dollars, ≥ 0
 * @param symbolsEnteredThisSession symbols with an entry already sent this session, whatever its status
 * @param dayTradesCommittedToday   entries sent today that filled or may still fill (each one is a day trade), ≥ 0
 * @param assets                    tradability per symbol; a missing symbol counts as tradable but not shortable
 */
public record RiskContext(Account account, BigDecimal startOfDayEquity, boolean killSwitchEngaged,
                          boolean entryWindowOpen, int openPositions, int workingEntries,
                          BigDecimal positionsNotional, BigDecimal workingEntriesNotional,
                          Set<Symbol> symbolsEnteredThisSession, int dayTradesCommittedToday,
                          Map<Symbol, Asset> assets) {
    public RiskContext {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(startOfDayEquity, "startOfDayEquity");
        Objects.requireNonNull(positionsNotional, "positionsNotional");
        Objects.requireNonNull(workingEntriesNotional, "workingEntriesNotional");
        nonNegative(openPositions, "openPositions");
        nonNegative(workingEntries, "workingEntries");
        nonNegative(dayTradesCommittedToday, "dayTradesCommittedToday");
        nonNegative(positionsNotional, "positionsNotional");
        nonNegative(workingEntriesNotional, "workingEntriesNotional");
        symbolsEnteredThisSession = Set.copyOf(Objects.requireNonNull(symbolsEnteredThisSession,
                "symbolsEnteredThisSession"));
        assets = Map.copyOf(Objects.requireNonNull(assets, "assets"));
    }

    private static void nonNegative(int value, String field) {
        if (value < 0) {
            throw new InvalidValueException("RiskContext." + field + ": " + value + " must not be negative");
        }
    }

    private static void nonNegative(BigDecimal value, String field) {
        if (value.signum() < 0) {
            throw new InvalidValueException("RiskContext." + field + ": " + value.toPlainString()
                    + " must not be negative");
        }
    }
}
