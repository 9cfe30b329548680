package dev.orb.domain;

import java.math.BigDecimal;

/**
 * The brokerage account as the risk checks need it.
 *
 * @param equity            current equity (cash + positions), may be negative in a disaster
 * @param lastEquity        equity at the previous close
 * @param buyingPower       buying power, ≥ 0
 * @param multiplier        margin multiplier (1, 2 or 4)
 * @param patternDayTrader  flagged as pattern day trader
 * @param dayTradeCount     day trades in the last five business days, ≥ 0
 * @param tradingBlocked    the broker refuses all trading
 * @param accountBlocked    the account is blocked
 * @param shortingEnabled   short selling allowed
 */
public record Account(BigDecimal equity, BigDecimal lastEquity, BigDecimal buyingPower, int multiplier,
                      boolean patternDayTrader, int dayTradeCount, boolean tradingBlocked, boolean accountBlocked,
                      boolean shortingEnabled) {
    public Account {
        Require.nonNull(equity, "Account.equity");
        Require.nonNull(lastEquity, "Account.lastEquity");
        Require.nonNegative(buyingPower, "Account.buyingPower");
        if (!(multiplier >= 1)) {
            throw new InvalidValueException("Account.multiplier: " + multiplier + " must be ≥ 1");
        }
        Require.nonNegative(dayTradeCount, "Account.dayTradeCount");
    }

    /** A plain cash-like account for tests and simulations: equity = last equity, buying power = 4 × equity. */
    public static Account simple(BigDecimal equity) {
        return new Account(equity, equity, equity.multiply(BigDecimal.valueOf(4)), 4, false, 0, false, false, true);
    }

    /** A copy with another equity (for mark-to-market updates). */
    public Account withEquity(BigDecimal newEquity) {
        return new Account(newEquity, lastEquity, buyingPower, multiplier, patternDayTrader, dayTradeCount,
                tradingBlocked, accountBlocked, shortingEnabled);
    }
}
