package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.Price;
import dev.orb.domain.TimeInForce;

/**
 * Entry, protective stop and size of a candidate's order (strategy.md §6–7), all exact.
 *
 * <p>Stateless and thread-safe.
 */
public final class OrderPlanner {
    /**
     * Decimals the stop offset {@code fraction × ATR} is snapped to before the stop is rounded to its tick; see
     * {@link #protectiveStop}.
     */
    static final int OFFSET_SCALE = 18;

    private OrderPlanner() {
    }

    /**
     * The breakout level: LONG the range high rounded <em>up</em> to its tick, SHORT the range low rounded
     * <em>down</em>. Vendor bars can carry sub-penny prints (a high of 166.975); rounding away from the range
     * keeps the entry outside it, so the order only triggers on a real breakout, and a stop order at an
     * off-tick price would be refused by the broker anyway.
     *
     * @throws InvalidValueException if a SHORT's low rounds down to zero (a low below $0.0001)
     */
    public static Price entryPrice(OpeningRange range, Direction direction) {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(direction, "direction");
        return direction == Direction.LONG ? TickMath.ceiling(range.high()) : TickMath.floor(range.low());
    }

    /**
     * The protective stop: LONG {@code entry − fraction × atr}, SHORT {@code entry + fraction × atr}
     * ({@code stop.atrFraction}), rounded half-up to the tick of the unrounded value (an exact half tick goes to
     * the higher price, for LONG and SHORT alike).
     *
     * <p>The offset is first snapped to {@value #OFFSET_SCALE} decimals (half-even): an ATR stored at scale 20
     * from a non-terminating mean ({@link DailyStatistics}) is off by at most 0.5 × 10<sup>-20</sup>, and an
     * offset whose exact value is a half tick is thereby restored exactly. A SIMPLE-ATR offset that is not exactly
     * a half tick lies at least 4 × 10<sup>-12</sup> × 10<sup>-k</sup> from one (period ≤ 250, k = decimals of
     * the fraction), so for fractions of up to 5 decimals the snap (≤ 0.5 × 10<sup>-18</sup>) cannot move it
     * onto or across one.
     *
     * @param atr the ATR in dollars, ≥ 0
     * @return empty when the stop would not be a positive price, or equals the entry (zero stop distance)
     * @throws InvalidValueException if {@code atr} is negative
     */
    public static Optional<Price> protectiveStop(Price entry, Direction direction, BigDecimal atr, OrbConfig config) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(atr, "atr");
        Objects.requireNonNull(config, "config");
        long stop = TickMath.halfUpStopNanos(entry.nanos(), direction, offset(atr, config));
        return stop <= 0 || stop == entry.nanos() ? Optional.empty() : Optional.of(new Price(stop));
    }

    /**
     * {@code floor(min(risk × E / |entry − stop|, maxLeverage × E / (topN × entry)))}, evaluated exactly
     * (strategy.md §7, {@code sizing.riskPerTrade}, {@code sizing.maxLeverage}, {@code scan.topN}).
     *
     * @param equity start-of-session equity E in dollars
     * @return whole shares, 0 when {@code equity ≤ 0} or {@code entry == stop}
     * @throws InvalidValueException if the size does not fit in a long
     */
    public static long shares(BigDecimal equity, Price entry, Price stop, OrbConfig config) {
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(config, "config");
        if (equity.signum() <= 0 || entry.equals(stop)) {
            return 0;
        }
        BigDecimal entryValue = entry.toBigDecimal();
        BigDecimal distance = entryValue.subtract(stop.toBigDecimal()).abs();
        // Floor of each term is exact and floor(min(a, b)) = min(floor(a), floor(b)).
        BigDecimal byRisk = riskBudget(equity, config).divide(distance, 0, RoundingMode.FLOOR);
        BigDecimal byLeverage = config.maxLeverage().multiply(equity)
                .divide(entryValue.multiply(BigDecimal.valueOf(config.scanTopN())), 0, RoundingMode.FLOOR);
        BigDecimal shares = byRisk.min(byLeverage);
        try {
            return shares.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException("OrderPlanner: " + shares.toPlainString() + " shares do not fit in a long"
                    + " (equity " + equity.toPlainString() + ", entry " + entry + ")", e);
        }
    }

    /**
     * The order for {@code candidate}: a DAY stop entry with client order id
     * {@code ClientOrderId.of(session, symbol, ENTRY, 1)}, or the reason there is none.
     *
     * @param session     the session date; must be the candidate's opening-range date
     * @param startEquity equity at the start of the session (E)
     * @throws InvalidValueException if {@code session} is not the date of the candidate's opening range
     */
    public static Plan plan(Candidate candidate, LocalDate session, BigDecimal startEquity, OrbConfig config) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(startEquity, "startEquity");
        Objects.requireNonNull(config, "config");
        if (!candidate.range().session().equals(session)) {
            throw new InvalidValueException("OrderPlanner.session: " + session + " is not the session "
                    + candidate.range().session() + " of " + candidate.symbol() + "'s opening range");
        }
        Direction direction = candidate.direction();
        Price entry = entryPrice(candidate.range(), direction);
        BigDecimal offset = offset(candidate.stats().atr14(), config);
        long stopNanos = TickMath.halfUpStopNanos(entry.nanos(), direction, offset);
        if (stopNanos <= 0) {
            BigDecimal raw = entry.toBigDecimal().subtract(offset);
            return new Plan.NoTrade(candidate, "stop not positive: " + raw.stripTrailingZeros().toPlainString());
        }
        if (stopNanos == entry.nanos()) {
            return new Plan.NoTrade(candidate, "zero stop distance after rounding");
        }
        Price stop = new Price(stopNanos);
        long shares = shares(startEquity, entry, stop, config);
        if (shares < 1) {
            BigDecimal distance = entry.toBigDecimal().subtract(stop.toBigDecimal()).abs();
            return new Plan.NoTrade(candidate, "fewer than 1 share: equity " + startEquity.toPlainString()
                    + ", risk budget " + riskBudget(startEquity, config).toPlainString() + " over stop distance "
                    + distance.toPlainString() + ", leverage budget "
                    + leverageBudget(startEquity, config).toPlainString() + " over entry " + entry);
        }
        OrderIntent intent = new OrderIntent(ClientOrderId.of(session, candidate.symbol(), OrderPurpose.ENTRY, 1),
                session, candidate.symbol(), direction, entry, stop, shares, TimeInForce.DAY);
        return new Plan.Trade(candidate, intent);
    }

    /** {@code fraction × atr}, snapped to {@value #OFFSET_SCALE} decimals (see {@link #protectiveStop}). */
    private static BigDecimal offset(BigDecimal atr, OrbConfig config) {
        if (atr.signum() < 0) {
            throw new InvalidValueException("OrderPlanner.atr: " + atr.toPlainString() + " must not be negative");
        }
        BigDecimal offset = config.stopAtrFraction().multiply(atr);
        return offset.scale() > OFFSET_SCALE ? offset.setScale(OFFSET_SCALE, RoundingMode.HALF_EVEN) : offset;
    }

    /** risk × E: the most a trade may lose at its planned stop, in dollars. */
    private static BigDecimal riskBudget(BigDecimal equity, OrbConfig config) {
        return config.riskPerTrade().multiply(equity);
    }

    /** maxLeverage × E / topN: the most notional one trade may take, in dollars, to the cent (for messages only). */
    private static BigDecimal leverageBudget(BigDecimal equity, OrbConfig config) {
        return config.maxLeverage().multiply(equity).divide(BigDecimal.valueOf(config.scanTopN()), 2,
                RoundingMode.FLOOR);
    }

    /** What the planner decided for one selected candidate: a trade, or a reason for none. */
    public sealed interface Plan permits Plan.Trade, Plan.NoTrade {
        /** The candidate this plan is for. */
        Candidate candidate();

        /**
         * An order to send (after the pre-trade checks).
         *
         * @param candidate the candidate
         * @param intent    the entry with its protective stop and size
         */
        record Trade(Candidate candidate, OrderIntent intent) implements Plan {
            public Trade {
                Objects.requireNonNull(candidate, "candidate");
                Objects.requireNonNull(intent, "intent");
                if (!intent.symbol().equals(candidate.symbol())) {
                    throw new InvalidValueException("Plan.Trade.intent: symbol " + intent.symbol()
                            + " differs from the candidate's " + candidate.symbol());
                }
            }
        }

        /**
         * No order: the candidate keeps its slot in the top N but trades nothing (backtest-semantics.md step 4).
         *
         * @param candidate the candidate
         * @param reason    why, e.g. {@code "zero stop distance after rounding"}; not blank
         */
        record NoTrade(Candidate candidate, String reason) implements Plan {
            public NoTrade {
                Objects.requireNonNull(candidate, "candidate");
                Objects.requireNonNull(reason, "reason");
                if (reason.isBlank()) {
                    throw new InvalidValueException("Plan.NoTrade.reason: must not be blank (" + candidate.symbol() + ")");
                }
            }
        }
    }
}
