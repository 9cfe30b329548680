package dev.orb.sim.fill;

import static dev.orb.sim.fill.Bars.bar;
import static dev.orb.sim.fill.Bars.intent;
import static dev.orb.sim.fill.Bars.nyTime;
import static dev.orb.sim.fill.Bars.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orb.domain.Direction;
import dev.orb.domain.ExitReason;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.domain.TradingSession;
import dev.orb.sim.BarSeries;

class FillModelTest {
    private static final LocalDate D = LocalDate.of(2024, 6, 12);
    private static final FillWindow WINDOW = FillWindow.standard(TradingSession.regular(D));
    private static final FillModel MODEL = FillModel.defaults();

    private static SimulatedTrade simulate(OrderIntent intent, BarSeries bars) {
        return MODEL.simulate(intent, bars, WINDOW).orElseThrow();
    }

    @Test
    void longEntryGapsThroughLevel_fillsAtOpen_andExitsAtThe1554Close() {
        OrderIntent buy = intent("AAA", D, Direction.LONG, "10.00", "9.90", 100);
        BarSeries bars = series("AAA", D,
                "09:34 10.50 10.60 10.40 10.50",
                "09:35 9.95 9.99 9.93 9.98",
                "09:36 10.05 10.10 10.02 10.08",
                "12:00 10.10 10.15 10.05 10.12",
                "15:54 10.15 10.25 10.14 10.20",
                "15:55 10.20 11.00 9.00 10.90",
                "15:59 10.90 10.95 10.85 10.90");

        SimulatedTrade t = simulate(buy, bars);

        assertThat(nyTime(t.fillTime())).isEqualTo(LocalTime.of(9, 36));
        assertThat(t.fillPrice()).isEqualTo(Price.of("10.05"));
        assertThat(t.exitReason()).isEqualTo(ExitReason.EOD);
        assertThat(nyTime(t.exitTime())).isEqualTo(LocalTime.of(15, 54));
        assertThat(t.exitPrice()).isEqualTo(Price.of("10.20"));
        assertThat(t.commission()).isEqualTo(new BigDecimal("0.70"));
        assertThat(t.pnl()).isEqualTo(new BigDecimal("14.30"));
    }

    @Test
    void shortEntryGapsThroughLevel_fillsAtOpen() {
        OrderIntent sell = intent("BBB", D, Direction.SHORT, "20.00", "20.10", 50);
        BarSeries bars = series("BBB", D,
                "09:40 19.90 19.95 19.80 19.85",
                "15:54 19.70 19.75 19.60 19.65");

        SimulatedTrade t = simulate(sell, bars);

        assertThat(t.fillPrice()).isEqualTo(Price.of("19.90"));
        assertThat(nyTime(t.fillTime())).isEqualTo(LocalTime.of(9, 40));
        assertThat(t.exitPrice()).isEqualTo(Price.of("19.65"));
        // (19.90 − 19.65) × 50 − 2 × 0.0035 × 50
        assertThat(t.pnl()).isEqualTo(new BigDecimal("12.15"));
    }

    @Test
    void entryTouchingTheLevelExactly_fillsAtTheLevel() {
        SimulatedTrade t = simulate(intent("AAA", D, Direction.LONG, "10.00", "9.90", 10),
                series("AAA", D, "09:35 9.95 10.00 9.94 9.99", "15:54 9.99 9.99 9.95 9.96"));
        assertThat(t.fillPrice()).isEqualTo(Price.of("10.00"));
        assertThat(t.exitPrice()).isEqualTo(Price.of("9.96"));
    }

    @Test
    void longStopInsideTheEntryBar_exitsAtStop_evenWhenTheBarOpenedBelowTheStop() {
        OrderIntent buy = intent("AAA", D, Direction.LONG, "10.00", "9.90", 100);
        BarSeries bars = series("AAA", D,
                "09:35 9.85 10.01 9.80 9.95",
                "09:36 9.95 12.00 9.95 11.00");

        SimulatedTrade t = simulate(buy, bars);

        assertThat(t.fillPrice()).isEqualTo(Price.of("10.00"));
        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(t.exitPrice()).isEqualTo(Price.of("9.90"));
        assertThat(t.exitTime()).isEqualTo(t.fillTime());
        assertThat(t.pnl()).isEqualTo(new BigDecimal("-10.70"));
    }

    @Test
    void shortStopInsideTheEntryBar_exitsAtStop_evenWhenTheBarOpenedAboveTheStop() {
        OrderIntent sell = intent("BBB", D, Direction.SHORT, "20.00", "20.10", 50);
        BarSeries bars = series("BBB", D, "09:35 20.20 20.30 19.99 20.05");

        SimulatedTrade t = simulate(sell, bars);

        assertThat(t.fillPrice()).isEqualTo(Price.of("20.00"));
        assertThat(t.exitPrice()).isEqualTo(Price.of("20.10"));
        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(t.pnl()).isEqualTo(new BigDecimal("-5.35"));
    }

    @Test
    void longGapsThroughStopInALaterBar_exitsAtThatBarsOpen() {
        OrderIntent buy = intent("AAA", D, Direction.LONG, "10.00", "9.90", 100);
        BarSeries bars = series("AAA", D,
                "09:35 10.00 10.05 9.95 10.02",
                "09:37 9.80 9.85 9.70 9.75",
                "09:38 9.75 9.80 9.60 9.62");

        SimulatedTrade t = simulate(buy, bars);

        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(nyTime(t.exitTime())).isEqualTo(LocalTime.of(9, 37));
        assertThat(t.exitPrice()).isEqualTo(Price.of("9.80"));
        assertThat(t.pnl()).isEqualTo(new BigDecimal("-20.70"));
    }

    @Test
    void laterBarTouchingTheStop_exitsAtTheStop() {
        SimulatedTrade longTrade = simulate(intent("AAA", D, Direction.LONG, "10.00", "9.90", 100), series("AAA", D,
                "09:35 10.00 10.05 9.95 10.02", "10:15 9.95 9.96 9.90 9.93"));
        assertThat(longTrade.exitPrice()).isEqualTo(Price.of("9.90"));
        assertThat(nyTime(longTrade.exitTime())).isEqualTo(LocalTime.of(10, 15));

        SimulatedTrade shortTrade = simulate(intent("BBB", D, Direction.SHORT, "20.00", "20.10", 100), series("BBB", D,
                "09:35 20.05 20.05 19.95 19.96", "10:15 20.00 20.10 19.99 20.02"));
        assertThat(shortTrade.exitPrice()).isEqualTo(Price.of("20.10"));
    }

    @Test
    void shortGapsThroughStopInALaterBar_exitsAtThatBarsOpen() {
        OrderIntent sell = intent("BBB", D, Direction.SHORT, "20.00", "20.10", 100);
        BarSeries bars = series("BBB", D,
                "09:35 20.02 20.05 19.95 19.96",
                "09:36 20.25 20.40 20.20 20.30");

        SimulatedTrade t = simulate(sell, bars);

        assertThat(t.exitPrice()).isEqualTo(Price.of("20.25"));
        // (20.00 − 20.25) × 100 − 0.70
        assertThat(t.pnl()).isEqualTo(new BigDecimal("-25.70"));
    }

    @Test
    void entryIn1554Bar_exitsAtItsOwnClose() {
        SimulatedTrade t = simulate(intent("AAA", D, Direction.LONG, "10.00", "9.90", 1),
                series("AAA", D, "15:54 9.99 10.03 9.98 10.02", "15:55 10.02 10.50 10.00 10.40"));
        assertThat(t.fillTime()).isEqualTo(t.exitTime());
        assertThat(t.exitReason()).isEqualTo(ExitReason.EOD);
        assertThat(t.exitPrice()).isEqualTo(Price.of("10.02"));
    }

    @Test
    void haltedSymbol_exitsAtTheCloseOfItsLastBarBeforeEod() {
        BarSeries bars = series("HALT", D,
                "09:35 10.00 10.05 9.99 10.04",
                "11:02 10.30 10.40 10.25 10.35");

        SimulatedTrade t = simulate(intent("HALT", D, Direction.LONG, "10.00", "9.90", 100), bars);

        assertThat(t.exitReason()).isEqualTo(ExitReason.EOD);
        assertThat(nyTime(t.exitTime())).isEqualTo(LocalTime.of(11, 2));
        assertThat(t.exitPrice()).isEqualTo(Price.of("10.35"));
    }

    @Test
    void earlyClose_eodIs1255_soTheExitIsThe1254Close() {
        LocalDate friday = LocalDate.of(2024, 11, 29);
        FillWindow window = FillWindow.standard(TradingSession.of(friday, MarketTime.REGULAR_OPEN, MarketTime.EARLY_CLOSE));
        BarSeries bars = series("AAA", friday,
                "09:35 10.00 10.05 9.99 10.04",
                "12:54 10.10 10.12 10.08 10.11",
                "12:55 10.11 10.20 9.00 9.50",
                "12:59 9.50 9.55 9.45 9.52");

        SimulatedTrade t = MODEL.simulate(intent("AAA", friday, Direction.LONG, "10.00", "9.90", 100), bars, window)
                .orElseThrow();

        assertThat(window.eod()).isEqualTo(Instant.parse("2024-11-29T17:55:00Z"));
        assertThat(t.exitReason()).isEqualTo(ExitReason.EOD);
        assertThat(nyTime(t.exitTime())).isEqualTo(LocalTime.of(12, 54));
        assertThat(t.exitPrice()).isEqualTo(Price.of("10.11"));
    }

    @Test
    void dstStartMonday_windowFollowsNewYorkTime() {
        LocalDate monday = LocalDate.of(2024, 3, 11);
        FillWindow window = FillWindow.standard(TradingSession.regular(monday));
        BarSeries bars = series("AAA", monday,
                "09:34 10.00 10.50 9.95 10.40",
                "09:35 10.00 10.02 9.99 10.01",
                "15:54 10.30 10.35 10.25 10.33",
                "15:55 10.33 10.40 10.30 10.38");

        SimulatedTrade t = MODEL.simulate(intent("AAA", monday, Direction.LONG, "10.00", "9.90", 100), bars, window)
                .orElseThrow();

        assertThat(t.fillTime()).isEqualTo(Instant.parse("2024-03-11T13:35:00Z"));
        assertThat(t.exitTime()).isEqualTo(Instant.parse("2024-03-11T19:54:00Z"));
        assertThat(t.exitPrice()).isEqualTo(Price.of("10.33"));
    }

    @Test
    void dstEndMonday_windowFollowsNewYorkTime() {
        LocalDate monday = LocalDate.of(2024, 11, 4);
        FillWindow window = FillWindow.standard(TradingSession.regular(monday));
        BarSeries bars = series("BBB", monday,
                "09:34 20.00 20.05 19.50 19.60",
                "09:35 20.00 20.02 19.99 20.01",
                "15:54 19.80 19.85 19.75 19.78",
                "15:55 19.78 19.80 19.70 19.72");

        SimulatedTrade t = MODEL.simulate(intent("BBB", monday, Direction.SHORT, "20.00", "20.10", 100), bars, window)
                .orElseThrow();

        assertThat(t.fillTime()).isEqualTo(Instant.parse("2024-11-04T14:35:00Z"));
        assertThat(t.exitTime()).isEqualTo(Instant.parse("2024-11-04T20:54:00Z"));
        assertThat(t.exitPrice()).isEqualTo(Price.of("19.78"));
    }

    @Test
    void noTriggerInsideTheWindow_noTrade() {
        BarSeries bars = series("AAA", D,
                "09:31 10.00 10.50 9.95 10.40",
                "09:35 9.90 9.99 9.85 9.95",
                "15:54 9.95 9.99 9.94 9.96",
                "15:55 9.96 10.50 9.95 10.40");
        assertThat(MODEL.simulate(intent("AAA", D, Direction.LONG, "10.00", "9.90", 100), bars, WINDOW)).isEmpty();
        assertThat(MODEL.simulate(intent("AAA", D, Direction.SHORT, "9.80", "9.90", 100), bars, WINDOW)).isEmpty();
        assertThat(MODEL.simulate(intent("AAA", D, Direction.LONG, "10.00", "9.90", 100),
                BarSeries.of(Symbol.of("AAA"), List.of()), WINDOW)).isEmpty();
    }

    @Test
    void slippage_movesEveryFillAgainstTheTrader_roundedToTheTickAgainstTheTrader() {
        FillModel fiveBps = FillModel.of(FillConfig.defaults().withSlippageBps(new BigDecimal("5")));
        // Buy 10.00 × 1.0005 = 10.005 → up to 10.01; sell 10.20 × 0.9995 = 10.1949 → down to 10.19.
        SimulatedTrade cents = fiveBps.simulate(intent("AAA", D, Direction.LONG, "10.00", "9.90", 100),
                series("AAA", D, "09:35 9.99 10.01 9.98 10.00", "15:54 10.20 10.21 10.19 10.20"), WINDOW).orElseThrow();
        assertThat(cents.fillPrice()).isEqualTo(Price.of("10.01"));
        assertThat(cents.exitPrice()).isEqualTo(Price.of("10.19"));
        // Buy 0.5000 × 1.0005 = 0.50025 → up to 0.5003; sell 0.5100 × 0.9995 = 0.509745 → down to 0.5097.
        SimulatedTrade subDollar = fiveBps.simulate(intent("PNY", D, Direction.LONG, "0.5000", "0.4900", 1000),
                series("PNY", D, "09:35 0.4990 0.5010 0.4980 0.5000", "15:54 0.5100 0.5100 0.5100 0.5100"), WINDOW)
                .orElseThrow();
        assertThat(subDollar.fillPrice()).isEqualTo(Price.of("0.5003"));
        assertThat(subDollar.exitPrice()).isEqualTo(Price.of("0.5097"));

        FillModel threeBps = FillModel.of(FillConfig.defaults().withSlippageBps(new BigDecimal("3")));
        // Short sell 20.00 × 0.9997 = 19.994 → down to 19.99; stop buy 20.10 × 1.0003 = 20.10603 → up to 20.11.
        SimulatedTrade shortCents = threeBps.simulate(intent("BBB", D, Direction.SHORT, "20.00", "20.10", 100),
                series("BBB", D, "09:35 20.01 20.20 19.98 20.00"), WINDOW).orElseThrow();
        assertThat(shortCents.fillPrice()).isEqualTo(Price.of("19.99"));
        assertThat(shortCents.exitPrice()).isEqualTo(Price.of("20.11"));
        // Short sell 0.8000 × 0.9997 = 0.79976 → 0.7997; buy back 0.8100 × 1.0003 = 0.810243 → 0.8103.
        SimulatedTrade shortSub = threeBps.simulate(intent("PNY", D, Direction.SHORT, "0.8000", "0.8100", 100),
                series("PNY", D, "09:35 0.8010 0.8200 0.7990 0.8000"), WINDOW).orElseThrow();
        assertThat(shortSub.fillPrice()).isEqualTo(Price.of("0.7997"));
        assertThat(shortSub.exitPrice()).isEqualTo(Price.of("0.8103"));
        // (0.7997 − 0.8103) × 100 − 0.70
        assertThat(shortSub.pnl()).isEqualTo(new BigDecimal("-1.76"));
    }

    @Test
    void slippageAcrossTheDollar_usesTheTickOfTheMovedPrice() {
        FillModel threeBps = FillModel.of(FillConfig.defaults().withSlippageBps(new BigDecimal("3")));
        // Buy 0.9999 × 1.0003 = 1.00019997 ≥ $1 → cent tick, up → 1.01; sell 1.00 × 0.9997 = 0.9997 (sub-dollar tick).
        SimulatedTrade t = threeBps.simulate(intent("PNY", D, Direction.LONG, "0.9999", "0.9000", 100),
                series("PNY", D, "09:35 0.9990 1.0000 0.9990 1.0000", "15:54 1.00 1.00 1.00 1.00"), WINDOW).orElseThrow();
        assertThat(t.fillPrice()).isEqualTo(Price.of("1.01"));
        assertThat(t.exitPrice()).isEqualTo(Price.of("0.9997"));
    }

    @Test
    void zeroSlippage_keepsOffTickBarPricesExactly() {
        SimulatedTrade t = simulate(intent("AAA", D, Direction.LONG, "10.00", "9.90", 100),
                series("AAA", D, "09:35 10.0049 10.02 10.00 10.01", "15:54 10.1 10.2 10.0 10.105"));
        assertThat(t.fillPrice()).isEqualTo(Price.of("10.0049"));
        assertThat(t.exitPrice()).isEqualTo(Price.of("10.105"));
        // (10.105 − 10.0049) × 100 − 0.70
        assertThat(t.pnl()).isEqualTo(new BigDecimal("9.31"));
    }

    @Test
    void commission_isExactRoundTrip() {
        assertThat(MODEL.commission(333)).isEqualTo(new BigDecimal("2.331"));
        assertThat(MODEL.commission(1)).isEqualTo(new BigDecimal("0.007"));
        assertThat(MODEL.commission(100)).isEqualTo(new BigDecimal("0.70"));
        assertThat(FillModel.of(FillConfig.defaults().withCommissionPerShare(BigDecimal.ZERO)).commission(5))
                .isEqualTo(new BigDecimal("0.00"));

        SimulatedTrade t = simulate(intent("AAA", D, Direction.LONG, "10.00", "9.90", 333),
                series("AAA", D, "09:35 10.00 10.01 9.99 10.00", "15:54 10.01 10.02 10.00 10.01"));
        // (10.01 − 10.00) × 333 − 2.331 = 3.33 − 2.331
        assertThat(t.commission()).isEqualTo(new BigDecimal("2.331"));
        assertThat(t.pnl()).isEqualTo(new BigDecimal("0.999"));
    }

    @Test
    void perBarFunctions_applyTheSameRules() {
        OrderIntent buy = intent("AAA", D, Direction.LONG, "10.00", "9.90", 100);
        assertThat(MODEL.entry(buy, bar("AAA", D, "09:36 10.05 10.10 10.02 10.08")).orElseThrow().price())
                .isEqualTo(Price.of("10.05"));
        assertThat(MODEL.entry(buy, bar("AAA", D, "09:36 9.95 9.99 9.90 9.98"))).isEmpty();
        assertThat(MODEL.stopInEntryBar(buy, bar("AAA", D, "09:36 9.80 10.10 9.80 10.00")).orElseThrow().price())
                .isEqualTo(Price.of("9.90"));
        assertThat(MODEL.stopInLaterBar(buy, bar("AAA", D, "09:37 9.80 9.85 9.70 9.75")).orElseThrow().price())
                .isEqualTo(Price.of("9.80"));
        assertThat(MODEL.stopInLaterBar(buy, bar("AAA", D, "09:37 9.95 9.99 9.91 9.95"))).isEmpty();
        ExitFill eod = MODEL.endOfDay(buy, bar("AAA", D, "15:54 10.15 10.25 10.14 10.20"));
        assertThat(eod.price()).isEqualTo(Price.of("10.20"));
        assertThat(eod.reason()).isEqualTo(ExitReason.EOD);
    }

    @Test
    void session_simulatesEachIntentIndependently_sortedBySymbol() {
        OrderIntent c = intent("CCC", D, Direction.LONG, "10.00", "9.90", 10);
        OrderIntent a = intent("AAA", D, Direction.SHORT, "20.00", "20.10", 10);
        OrderIntent none = intent("NOBARS", D, Direction.LONG, "5.00", "4.90", 10);
        OrderIntent untriggered = intent("BBB", D, Direction.LONG, "50.00", "49.00", 10);
        Map<Symbol, BarSeries> bars = Map.of(
                Symbol.of("AAA"), series("AAA", D, "09:35 20.00 20.01 19.99 20.00", "15:54 19.50 19.50 19.50 19.50"),
                Symbol.of("BBB"), series("BBB", D, "09:35 40.00 41.00 39.00 40.00"),
                Symbol.of("CCC"), series("CCC", D, "09:35 10.00 10.01 9.80 9.85"));

        List<SimulatedTrade> trades = MODEL.simulateSession(List.of(c, a, none, untriggered), bars, WINDOW);

        assertThat(trades).extracting(SimulatedTrade::symbol).containsExactly(Symbol.of("AAA"), Symbol.of("CCC"));
        assertThat(trades.get(0).pnl()).isEqualTo(new BigDecimal("4.93"));
        assertThat(trades.get(1).exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(trades.get(1).pnl()).isEqualTo(new BigDecimal("-1.07"));
    }

    @Test
    void tradeRecord_carriesTheSameNumbers() {
        SimulatedTrade t = simulate(intent("AAA", D, Direction.LONG, "10.00", "9.90", 100),
                series("AAA", D, "09:36 10.05 10.10 10.02 10.08", "15:54 10.15 10.25 10.14 10.20"));
        TradeRecord r = t.toTradeRecord();
        assertThat(r.isClosed()).isTrue();
        assertThat(r.fillPrice()).isEqualByComparingTo("10.05");
        assertThat(r.exitPrice()).isEqualByComparingTo("10.20");
        assertThat(r.pnl()).isEqualTo(t.pnl());
        assertThat(r.exitReason()).isEqualTo(ExitReason.EOD);
    }

    @Test
    void mismatchedSymbolOrSession_isRejected() {
        OrderIntent buy = intent("AAA", D, Direction.LONG, "10.00", "9.90", 100);
        assertThatThrownBy(() -> MODEL.simulate(buy, series("BBB", D, "09:35 10 10 10 10"), WINDOW))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("FillModel: bars of BBB given for an order on AAA");
        assertThatThrownBy(() -> MODEL.simulate(buy, series("AAA", D, "09:35 10 10 10 10"),
                FillWindow.standard(TradingSession.regular(D.plusDays(1)))))
                .hasMessage("FillModel: order of 2024-06-12 (AAA) simulated in the window of 2024-06-13");
    }

    @Test
    void configOutOfRange_isRejectedNamingTheField() {
        assertThatThrownBy(() -> FillConfig.defaults().withSlippageBps(new BigDecimal("-1")))
                .hasMessage("FillConfig.slippageBps: -1 must be in [0, 10000)");
        assertThatThrownBy(() -> FillConfig.defaults().withCommissionPerShare(new BigDecimal("-0.01")))
                .hasMessage("FillConfig.commissionPerShare: -0.01 must not be negative");
    }
}
