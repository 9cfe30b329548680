package dev.orb.sim.fill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.Bar;
import dev.orb.domain.Direction;
import dev.orb.domain.ExitReason;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.OrderSide;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.sim.BarSeries;
import dev.orb.sim.EpochNanos;

/**
 * The fill rules of backtest-semantics.md as pure functions over minute bars, with the costs of a
 * {@link FillConfig}:
 * <ul>
 *   <li>entry: LONG on the first bar with {@code high ≥ entry}, at {@code max(entry, open)}; SHORT on
 *       {@code low ≤ entry}, at {@code min(entry, open)};</li>
 *   <li>stop in the entry bar: if that bar also reaches the stop, the exit is at the stop price;</li>
 *   <li>stop in a later bar: LONG at {@code min(stop, open)} when {@code low ≤ stop}; SHORT at
 *       {@code max(stop, open)} when {@code high ≥ stop};</li>
 *   <li>end of day: at the close of the symbol's last bar that starts before {@code eod}, at that bar's start;
 *       an entry that never triggered is cancelled (no trade);</li>
 *   <li>slippage: every fill moves {@code slippageBps} against the trader (buys up, sells down) and is then
 *       rounded to the tick of the moved price, again against the trader (buys up, sells down); with 0 bps the
 *       price is used exactly as the rules give it, off-tick bar prices included;</li>
 *   <li>commission: {@code 2 × rate × shares} per round trip; PnL LONG {@code (exit − fill) × shares −
 *       commission}, SHORT {@code (fill − exit) × shares − commission}; exact decimals, written with trailing
 *       zeros removed but at least two decimals.</li>
 * </ul>
 * Prices returned include slippage. Each intent is simulated on its own: positions in different symbols do
 * not interact in these rules.
 *
 * <p>Immutable; safe for concurrent use.
 */
public final class FillModel {
    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final FillConfig config;
    private final BigDecimal buyFactor;
    private final BigDecimal sellFactor;

    private FillModel(FillConfig config) {
        this.config = config;
        BigDecimal fraction = config.slippageBps().divide(TEN_THOUSAND);
        this.buyFactor = BigDecimal.ONE.add(fraction);
        this.sellFactor = BigDecimal.ONE.subtract(fraction);
    }

    /** The model with {@code config}'s costs. */
    public static FillModel of(FillConfig config) {
        return new FillModel(Objects.requireNonNull(config, "config"));
    }

    /** The model with no slippage and $0.0035 per share per side. */
    public static FillModel defaults() {
        return of(FillConfig.defaults());
    }

    public FillConfig config() {
        return config;
    }

    /** The entry fill of {@code intent} in {@code bar}, or empty when the bar does not reach the entry. */
    public Optional<EntryFill> entry(OrderIntent intent, Bar bar) {
        checkSymbol(intent, bar);
        long fill = FillRules.entry(intent.direction(), intent.entryStop().nanos(), bar.open().nanos(),
                bar.high().nanos(), bar.low().nanos());
        return fill == FillRules.NONE ? Optional.empty()
                : Optional.of(new EntryFill(bar.start(), slipped(fill, intent.direction().entrySide())));
    }

    /**
     * The stop exit inside the bar the entry filled in: at the stop price when the bar reaches it, even if the
     * bar opened beyond the stop.
     */
    public Optional<ExitFill> stopInEntryBar(OrderIntent intent, Bar entryBar) {
        checkSymbol(intent, entryBar);
        long exit = FillRules.stopInEntryBar(intent.direction(), intent.protectiveStop().nanos(), entryBar.high().nanos(),
                entryBar.low().nanos());
        return stopExit(intent, entryBar.start(), exit);
    }

    /** The stop exit in a bar after the entry bar: the stop, or the open when the bar gapped through it. */
    public Optional<ExitFill> stopInLaterBar(OrderIntent intent, Bar bar) {
        checkSymbol(intent, bar);
        long exit = FillRules.stopInLaterBar(intent.direction(), intent.protectiveStop().nanos(), bar.open().nanos(),
                bar.high().nanos(), bar.low().nanos());
        return stopExit(intent, bar.start(), exit);
    }

    /** The end-of-day exit at the close of {@code lastBar}, the symbol's last bar that starts before eod. */
    public ExitFill endOfDay(OrderIntent intent, Bar lastBar) {
        checkSymbol(intent, lastBar);
        return new ExitFill(lastBar.start(), slipped(lastBar.close().nanos(), intent.direction().exitSide()),
                ExitReason.EOD);
    }

    /** Round-trip commission of {@code shares}: {@code 2 × rate × shares}, exact. */
    public BigDecimal commission(long shares) {
        return money(config.commissionPerShare().multiply(TWO).multiply(BigDecimal.valueOf(shares)));
    }

    /** The closed trade of {@code intent} with its commission and PnL. */
    public SimulatedTrade trade(OrderIntent intent, EntryFill entry, ExitFill exit) {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(exit, "exit");
        BigDecimal shares = BigDecimal.valueOf(intent.shares());
        BigDecimal perShare = exit.price().toBigDecimal().subtract(entry.price().toBigDecimal());
        if (intent.direction() == Direction.SHORT) {
            perShare = perShare.negate();
        }
        BigDecimal commission = commission(intent.shares());
        BigDecimal pnl = money(perShare.multiply(shares).subtract(commission));
        return new SimulatedTrade(intent, entry.time(), entry.price(), exit.time(), exit.price(), exit.reason(),
                commission, pnl);
    }

    /**
     * Simulates one intent over its symbol's bars of the session: entry on the first bar in
     * {@code [window.ordersFrom, window.eod)} that reaches it, then the stop, then end of day.
     *
     * @return the trade, or empty when the entry never triggered (the order is cancelled at end of day)
     * @throws InvalidValueException if the series is of another symbol or the intent of another session, or if
     *     slippage would push a sell below the smallest tick
     */
    public Optional<SimulatedTrade> simulate(OrderIntent intent, BarSeries bars, FillWindow window) {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(window, "window");
        if (!bars.symbol().equals(intent.symbol())) {
            throw new InvalidValueException("FillModel: bars of " + bars.symbol() + " given for an order on "
                    + intent.symbol());
        }
        if (!intent.session().equals(window.date())) {
            throw new InvalidValueException("FillModel: order of " + intent.session() + " (" + intent.symbol()
                    + ") simulated in the window of " + window.date());
        }
        Direction direction = intent.direction();
        long entry = intent.entryStop().nanos();
        int end = bars.indexAtOrAfter(EpochNanos.of(window.eod()));
        int i = bars.indexAtOrAfter(EpochNanos.of(window.ordersFrom()));
        long fill = FillRules.NONE;
        for (; i < end; i++) {
            fill = FillRules.entry(direction, entry, bars.openNanos(i), bars.highNanos(i), bars.lowNanos(i));
            if (fill != FillRules.NONE) {
                break;
            }
        }
        if (fill == FillRules.NONE) {
            return Optional.empty();
        }
        EntryFill entryFill = new EntryFill(bars.start(i), slipped(fill, direction.entrySide()));
        ExitFill exitFill = exit(intent, bars, i, end);
        return Optional.of(trade(intent, entryFill, exitFill));
    }

    private ExitFill exit(OrderIntent intent, BarSeries bars, int entryBar, int end) {
        Direction direction = intent.direction();
        long stop = intent.protectiveStop().nanos();
        long price = FillRules.stopInEntryBar(direction, stop, bars.highNanos(entryBar), bars.lowNanos(entryBar));
        if (price != FillRules.NONE) {
            return new ExitFill(bars.start(entryBar), slipped(price, direction.exitSide()), ExitReason.STOP);
        }
        for (int j = entryBar + 1; j < end; j++) {
            price = FillRules.stopInLaterBar(direction, stop, bars.openNanos(j), bars.highNanos(j), bars.lowNanos(j));
            if (price != FillRules.NONE) {
                return new ExitFill(bars.start(j), slipped(price, direction.exitSide()), ExitReason.STOP);
            }
        }
        int last = end - 1;
        return new ExitFill(bars.start(last), slipped(bars.closeNanos(last), direction.exitSide()), ExitReason.EOD);
    }

    /**
     * Simulates every intent of one session independently. {@code barsBySymbol} holds each symbol's bars of the
     * session (a symbol without an entry has no bars and no trade).
     *
     * @return the trades, sorted by symbol (intents of one symbol keep their order)
     */
    public List<SimulatedTrade> simulateSession(List<OrderIntent> intents, Map<Symbol, ? extends BarSeries> barsBySymbol,
                                                FillWindow window) {
        Objects.requireNonNull(intents, "intents");
        Objects.requireNonNull(barsBySymbol, "barsBySymbol");
        Objects.requireNonNull(window, "window");
        List<OrderIntent> ordered = new ArrayList<>(intents);
        ordered.sort(Comparator.comparing(OrderIntent::symbol));
        List<SimulatedTrade> trades = new ArrayList<>();
        for (OrderIntent intent : ordered) {
            BarSeries bars = barsBySymbol.get(intent.symbol());
            if (bars != null) {
                simulate(intent, bars, window).ifPresent(trades::add);
            }
        }
        return List.copyOf(trades);
    }

    private Optional<ExitFill> stopExit(OrderIntent intent, Instant time, long price) {
        return price == FillRules.NONE ? Optional.empty()
                : Optional.of(new ExitFill(time, slipped(price, intent.direction().exitSide()), ExitReason.STOP));
    }

    /** {@code nanos} moved against the trader by the slippage and rounded to the tick against the trader. */
    private Price slipped(long nanos, OrderSide side) {
        Price price = new Price(nanos);
        if (config.slippageBps().signum() == 0) {
            return price;
        }
        boolean buy = side == OrderSide.BUY;
        BigDecimal moved = price.toBigDecimal().multiply(buy ? buyFactor : sellFactor);
        return Price.roundToTick(moved, buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    private static void checkSymbol(OrderIntent intent, Bar bar) {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(bar, "bar");
        if (!bar.symbol().equals(intent.symbol())) {
            throw new InvalidValueException("FillModel: bar of " + bar.symbol() + " given for an order on "
                    + intent.symbol());
        }
    }

    /** Exact money without trailing zeros but with at least cents: {@code 2.331}, {@code 49.30}, {@code 0.00}. */
    static BigDecimal money(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped;
    }

    @Override
    public String toString() {
        return "FillModel[slippageBps=" + config.slippageBps().toPlainString() + ", commissionPerShare="
                + config.commissionPerShare().toPlainString() + "]";
    }
}
