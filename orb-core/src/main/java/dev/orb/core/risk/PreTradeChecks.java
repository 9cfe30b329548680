package dev.orb.core.risk;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.Direction;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;

/**
 * The checks an entry order passes before it may leave the process (safety.md "Pre-trade checks", "Max open
 * positions", "Leverage cap"). Stateless and thread-safe.
 */
public final class PreTradeChecks {
    private PreTradeChecks() {
    }

    /**
     * Checks {@code intent} against {@code context}, in this order, the first failure winning:
     * <ol>
     *   <li>{@link RejectReason#KILL_SWITCH kill switch} engaged;
     *   <li>{@link RejectReason#MARKET_CLOSED entry window} closed;
     *   <li>{@link RejectReason#ACCOUNT_BLOCKED account or trading blocked};
     *   <li>{@link RejectReason#INVALID_PRICE prices} not positive, not on the tick, or the stop on the wrong
     *       side (defensive: {@link OrderIntent} already enforces it);
     *   <li>{@link RejectReason#ZERO_SHARES fewer than one share} (defensive likewise);
     *   <li>{@link RejectReason#DUPLICATE_ENTRY an entry already sent} for the symbol this session;
     *   <li>{@link RejectReason#NOT_TRADABLE asset not tradable};
     *   <li>SHORT only: {@link RejectReason#NOT_SHORTABLE} when the asset is unknown, not shortable or not easy
     *       to borrow, the account may not short, or equity &lt; {@code risk.minEquityToShort};
     *   <li>{@link RejectReason#PATTERN_DAY_TRADER}: last equity &lt; {@code risk.pdtEquityThreshold} and
     *       {@code dayTradeCount + dayTradesCommittedToday + 1 > risk.pdtMaxDayTrades}, unless the account is
     *       already flagged PDT with equity ≥ the threshold;
     *   <li>{@link RejectReason#MAX_POSITIONS}: {@code openPositions + workingEntries + 1 > risk.maxPositions};
     *   <li>{@link RejectReason#LEVERAGE_CAP}: positions + working entries + this order's notional
     *       &gt; {@code sizing.maxLeverage} × start-of-day equity;
     *   <li>{@link RejectReason#BUYING_POWER}: working entries + this order's notional &gt; buying power.
     * </ol>
     * The reject's detail names the numbers compared.
     */
    public static RiskDecision check(OrderIntent intent, RiskContext context, OrbConfig config) {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(config, "config");
        Symbol symbol = intent.symbol();
        Account account = context.account();
        if (context.killSwitchEngaged()) {
            return reject(RejectReason.KILL_SWITCH, "kill switch engaged; no entry for " + symbol);
        }
        if (!context.entryWindowOpen()) {
            return reject(RejectReason.MARKET_CLOSED, "outside the entry window; no entry for " + symbol);
        }
        if (account.accountBlocked() || account.tradingBlocked()) {
            return reject(RejectReason.ACCOUNT_BLOCKED, "account blocked " + account.accountBlocked()
                    + ", trading blocked " + account.tradingBlocked());
        }
        Optional<RiskDecision> invalid = priceProblem(symbol, intent.direction(), intent.entryStop(),
                intent.protectiveStop());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<RiskDecision> noShares = sharesProblem(symbol, intent.shares());
        if (noShares.isPresent()) {
            return noShares.get();
        }
        if (context.symbolsEnteredThisSession().contains(symbol)) {
            return reject(RejectReason.DUPLICATE_ENTRY, "an entry for " + symbol + " was already sent on "
                    + intent.session());
        }
        Asset asset = context.assets().get(symbol);
        if (asset != null && !asset.tradable()) {
            return reject(RejectReason.NOT_TRADABLE, symbol + " is not tradable");
        }
        if (intent.direction() == Direction.SHORT) {
            Optional<RiskDecision> shortProblem = shortProblem(symbol, asset, account, config);
            if (shortProblem.isPresent()) {
                return shortProblem.get();
            }
        }
        if (account.lastEquity().compareTo(config.pdtEquityThreshold()) < 0
                && !(account.patternDayTrader() && account.equity().compareTo(config.pdtEquityThreshold()) >= 0)) {
            long dayTrades = (long) account.dayTradeCount() + context.dayTradesCommittedToday() + 1;
            if (dayTrades > config.pdtMaxDayTrades()) {
                return reject(RejectReason.PATTERN_DAY_TRADER, "last equity " + account.lastEquity().toPlainString()
                        + " < " + config.pdtEquityThreshold().toPlainString() + " and " + account.dayTradeCount()
                        + " day trades + " + context.dayTradesCommittedToday() + " committed today + 1 > "
                        + config.pdtMaxDayTrades());
            }
        }
        long positions = (long) context.openPositions() + context.workingEntries() + 1;
        if (positions > config.maxPositions()) {
            return reject(RejectReason.MAX_POSITIONS, context.openPositions() + " open + " + context.workingEntries()
                    + " working + 1 > max " + config.maxPositions());
        }
        BigDecimal notional = intent.notional();
        BigDecimal gross = context.positionsNotional().add(context.workingEntriesNotional()).add(notional);
        BigDecimal cap = config.maxLeverage().multiply(context.startOfDayEquity());
        if (gross.compareTo(cap) > 0) {
            return reject(RejectReason.LEVERAGE_CAP, "positions " + context.positionsNotional().toPlainString()
                    + " + working " + context.workingEntriesNotional().toPlainString() + " + order "
                    + notional.toPlainString() + " = " + gross.toPlainString() + " > " + config.maxLeverage()
                    .toPlainString() + " × start equity " + context.startOfDayEquity().toPlainString() + " = "
                    + cap.toPlainString());
        }
        BigDecimal needed = context.workingEntriesNotional().add(notional);
        if (needed.compareTo(account.buyingPower()) > 0) {
            return reject(RejectReason.BUYING_POWER, "working " + context.workingEntriesNotional().toPlainString()
                    + " + order " + notional.toPlainString() + " = " + needed.toPlainString() + " > buying power "
                    + account.buyingPower().toPlainString());
        }
        return RiskDecision.accept();
    }

    /** The INVALID_PRICE check on its own, for prices that did not come through an {@link OrderIntent}. */
    static Optional<RiskDecision> priceProblem(Symbol symbol, Direction direction, Price entry, Price stop) {
        if (!entry.isOnTick() || !stop.isOnTick()) {
            return Optional.of(reject(RejectReason.INVALID_PRICE, symbol + ": entry " + entry + " or stop " + stop
                    + " is not on the tick"));
        }
        boolean losingSide = direction == Direction.LONG ? stop.isBelow(entry) : stop.isAbove(entry);
        if (!losingSide) {
            return Optional.of(reject(RejectReason.INVALID_PRICE, symbol + ": stop " + stop + " is not "
                    + (direction == Direction.LONG ? "below" : "above") + " the entry " + entry + " of a " + direction));
        }
        return Optional.empty();
    }

    /** The ZERO_SHARES check on its own. */
    static Optional<RiskDecision> sharesProblem(Symbol symbol, long shares) {
        return shares >= 1 ? Optional.empty()
                : Optional.of(reject(RejectReason.ZERO_SHARES, symbol + ": " + shares + " shares"));
    }

    private static Optional<RiskDecision> shortProblem(Symbol symbol, Asset asset, Account account, OrbConfig config) {
        String problem = null;
        if (asset == null) {
            problem = symbol + " has no asset information (unknown assets are not shorted)";
        } else if (!asset.shortable()) {
            problem = symbol + " is not shortable";
        } else if (!asset.easyToBorrow()) {
            problem = symbol + " is not easy to borrow";
        } else if (!account.shortingEnabled()) {
            problem = "shorting is disabled on the account";
        } else if (account.equity().compareTo(config.minEquityToShort()) < 0) {
            problem = "equity " + account.equity().toPlainString() + " < " + config.minEquityToShort().toPlainString()
                    + " needed to short";
        }
        return problem == null ? Optional.empty() : Optional.of(reject(RejectReason.NOT_SHORTABLE, problem));
    }

    private static RiskDecision reject(RejectReason reason, String detail) {
        return new RiskDecision.Reject(reason, detail);
    }
}
