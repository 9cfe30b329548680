package dev.orb.sim.fill;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import dev.orb.domain.Bar;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Direction;
import dev.orb.domain.ExitReason;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import dev.orb.sim.BarSeries;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class FillModelPropertiesTest {
    private static final Symbol S = Symbol.of("RND");
    private static final LocalDate D = LocalDate.of(2024, 11, 4);
    private static final TradingSession SESSION = TradingSession.regular(D);
    private static final FillWindow WINDOW = FillWindow.standard(SESSION);

    /** A random session of cent-tick minute bars around $10 with random missing minutes. */
    private static List<Bar> randomBars(long seed) {
        Random r = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        long cents = 1000;
        double missing = r.nextDouble() * 0.5;
        for (int m = 0; m < 390; m++) {
            long open = cents + r.nextInt(3) - 1;
            long close = Math.max(1, open + r.nextInt(9) - 4);
            long high = Math.max(open, close) + r.nextInt(3);
            long low = Math.max(1, Math.min(open, close) - r.nextInt(3));
            cents = close;
            if (r.nextDouble() < missing) {
                continue;
            }
            bars.add(new Bar(S, SESSION.openInstant().plusSeconds(60L * m), Timeframe.ONE_MINUTE, Price.ofCents(open),
                    Price.ofCents(high), Price.ofCents(low), Price.ofCents(close), 100));
        }
        return bars;
    }

    private static OrderIntent randomIntent(Random r) {
        Direction d = r.nextBoolean() ? Direction.LONG : Direction.SHORT;
        long entry = 990 + r.nextInt(21);
        long distance = 1 + r.nextInt(15);
        long stop = d == Direction.LONG ? entry - distance : entry + distance;
        return new OrderIntent(ClientOrderId.of(D, S, OrderPurpose.ENTRY, 1), D, S, d, Price.ofCents(entry),
                Price.ofCents(stop), 1 + r.nextInt(500), TimeInForce.DAY);
    }

    /** The rules written out once more over domain bars, with the per-bar functions of the model. */
    private static Optional<SimulatedTrade> reference(FillModel model, OrderIntent intent, List<Bar> bars) {
        List<Bar> window = bars.stream()
                .filter(b -> !b.start().isBefore(WINDOW.ordersFrom()) && b.start().isBefore(WINDOW.eod())).toList();
        for (int i = 0; i < window.size(); i++) {
            Optional<EntryFill> entry = model.entry(intent, window.get(i));
            if (entry.isEmpty()) {
                continue;
            }
            Optional<ExitFill> exit = model.stopInEntryBar(intent, window.get(i));
            for (int j = i + 1; j < window.size() && exit.isEmpty(); j++) {
                exit = model.stopInLaterBar(intent, window.get(j));
            }
            ExitFill e = exit.orElseGet(() -> model.endOfDay(intent, window.get(window.size() - 1)));
            return Optional.of(model.trade(intent, entry.get(), e));
        }
        return Optional.empty();
    }

    @Property
    void simulationOverSeries_equalsTheRulesAppliedBarByBar(@ForAll long seed, @ForAll @IntRange(max = 30) int bps) {
        List<Bar> bars = randomBars(seed);
        OrderIntent intent = randomIntent(new Random(seed ^ 0x5DEECE66DL));
        FillModel model = FillModel.of(FillConfig.defaults().withSlippageBps(BigDecimal.valueOf(bps)));

        assertThat(model.simulate(intent, BarSeries.of(S, bars), WINDOW)).isEqualTo(reference(model, intent, bars));
    }

    @Property
    void tradesRespectTheirLevels_windowAndPnlFormula(@ForAll long seed) {
        List<Bar> bars = randomBars(seed);
        OrderIntent intent = randomIntent(new Random(~seed));
        Optional<SimulatedTrade> maybe = FillModel.defaults().simulate(intent, BarSeries.of(S, bars), WINDOW);
        if (maybe.isEmpty()) {
            return;
        }
        SimulatedTrade t = maybe.get();
        boolean isLong = intent.direction() == Direction.LONG;
        Instant from = WINDOW.ordersFrom();
        assertThat(t.fillTime()).isAfterOrEqualTo(from).isBefore(WINDOW.eod());
        assertThat(t.exitTime()).isAfterOrEqualTo(t.fillTime()).isBefore(WINDOW.eod());
        assertThat(isLong ? !t.fillPrice().isBelow(intent.entryStop()) : !t.fillPrice().isAbove(intent.entryStop()))
                .isTrue();
        if (t.exitReason() == ExitReason.STOP) {
            assertThat(isLong ? !t.exitPrice().isAbove(intent.protectiveStop())
                    : !t.exitPrice().isBelow(intent.protectiveStop())).isTrue();
        }
        BigDecimal move = t.exitPrice().toBigDecimal().subtract(t.fillPrice().toBigDecimal());
        BigDecimal gross = (isLong ? move : move.negate()).multiply(BigDecimal.valueOf(intent.shares()));
        BigDecimal commission = new BigDecimal("0.007").multiply(BigDecimal.valueOf(intent.shares()));
        assertThat(t.commission()).isEqualByComparingTo(commission);
        assertThat(t.pnl()).isEqualByComparingTo(gross.subtract(commission));
    }

    @Property
    void slippageNeverHelpsTheTrader(@ForAll long seed, @ForAll @IntRange(min = 1, max = 50) int bps) {
        List<Bar> bars = randomBars(seed);
        OrderIntent intent = randomIntent(new Random(seed * 31));
        Optional<SimulatedTrade> clean = FillModel.defaults().simulate(intent, BarSeries.of(S, bars), WINDOW);
        Optional<SimulatedTrade> slipped = FillModel.of(FillConfig.defaults().withSlippageBps(BigDecimal.valueOf(bps)))
                .simulate(intent, BarSeries.of(S, bars), WINDOW);

        assertThat(slipped.isPresent()).isEqualTo(clean.isPresent());
        if (clean.isPresent()) {
            assertThat(slipped.get().fillTime()).isEqualTo(clean.get().fillTime());
            assertThat(slipped.get().exitTime()).isEqualTo(clean.get().exitTime());
            assertThat(slipped.get().pnl()).isLessThan(clean.get().pnl());
            assertThat(slipped.get().fillPrice().isOnTick()).isTrue();
            assertThat(slipped.get().exitPrice().isOnTick()).isTrue();
        }
    }
}
