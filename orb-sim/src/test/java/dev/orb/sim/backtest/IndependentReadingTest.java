package dev.orb.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyBar;
import dev.orb.domain.Direction;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import dev.orb.domain.TradingSession;
import dev.orb.sim.EpochNanos;
import dev.orb.sim.fill.FillModel;
import dev.orb.sim.fill.FillWindow;
import dev.orb.sim.fill.SimulatedTrade;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.flatfile.MinuteSeries;
import dev.orb.sim.flatfile.SessionData;
import dev.orb.sim.synth.GeneratorConfig;
import dev.orb.sim.synth.SyntheticMarket;

/**
 * "Two implementations agree trade for trade": steps 1–4 of backtest-semantics.md written again here, straight from
 * the page and without orb-core's rules (statistics, opening range, RVOL, ranking, stops and sizing in exact
 * rational arithmetic), then filled with {@link FillModel} (whose rules have their own tests), must give exactly
 * the trades of {@link BacktestRunner}, which goes through the live session engine.
 */
class IndependentReadingTest {
    private static final int TOP_N = 5;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDREDTH_CENT = new BigDecimal("0.0001");

    @TempDir
    Path dir;

    @Test
    void runnerThroughTheEngine_agreesTradeForTradeWithAReadingOfThePage() {
        GeneratorConfig gen = GeneratorConfig.builder(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 6))
                .symbols(60).seed(5).inPlayProbability(0.15).build();
        SyntheticMarket.create(gen, Fixture.NYSE).writeTo(dir);
        FlatFileDataset data = FlatFileDataset.open(dir);
        BacktestConfig d = BacktestConfig.defaults();
        // a top 5 from 60 symbols: the cut and the kept slots of untradeable candidates matter most days
        BacktestResult result = new BacktestRunner(new BacktestConfig(BacktestConfig.strategyDefaults().scanTopN(TOP_N)
                .maxPositions(TOP_N).build(), d.fills(), d.startEquity(), null, null, 0), Fixture.NYSE)
                .run(data, BacktestListener.NONE);

        List<SimulatedTrade> expected = reading(data, d.startEquity());
        assertThat(expected).hasSizeGreaterThan(40);
        assertThat(result.trades()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            SimulatedTrade e = expected.get(i);
            BacktestTrade t = result.trades().get(i);
            String where = t.date() + " " + t.symbol();
            assertThat(t.symbol()).as(where).isEqualTo(e.symbol());
            assertThat(t.date()).as(where).isEqualTo(e.intent().session());
            assertThat(t.direction()).as(where).isEqualTo(e.direction());
            assertThat(t.shares()).as(where).isEqualTo(e.shares());
            assertThat(t.entryPrice()).as(where).isEqualTo(e.intent().entryStop());
            assertThat(t.stopPrice()).as(where).isEqualTo(e.intent().protectiveStop());
            assertThat(t.fillTime()).as(where).isEqualTo(e.fillTime());
            assertThat(t.fillPrice()).as(where).isEqualByComparingTo(e.fillPrice().toBigDecimal());
            assertThat(t.exitTime()).as(where).isEqualTo(e.exitTime());
            assertThat(t.exitPrice()).as(where).isEqualByComparingTo(e.exitPrice().toBigDecimal());
            assertThat(t.exitReason()).as(where).isEqualTo(e.exitReason());
            assertThat(t.pnl()).as(where).isEqualByComparingTo(e.pnl());
        }
    }

    /** backtest-semantics.md, read independently; trades sorted by date then symbol. */
    private static List<SimulatedTrade> reading(FlatFileDataset data, BigDecimal startEquity) {
        FillModel fills = FillModel.defaults();
        List<Map<Symbol, DailyBar>> days = new ArrayList<>();
        List<Map<Symbol, Long>> orVolumes = new ArrayList<>();
        List<SimulatedTrade> trades = new ArrayList<>();
        BigDecimal equity = startEquity;
        for (LocalDate date : data.sessions()) {
            TradingSession session = Fixture.NYSE.session(date).orElseThrow();
            SessionData today = data.read(session);
            long open = EpochNanos.of(session.openInstant());
            long orEnd = open + 5 * 60_000_000_000L;
            Map<Symbol, long[]> ranges = new HashMap<>(); // open, high, low, close, volume, has09:30
            for (Map.Entry<Symbol, MinuteSeries> e : today.minutes().bySymbol().entrySet()) {
                MinuteSeries s = e.getValue();
                long[] r = {0, Long.MIN_VALUE, Long.MAX_VALUE, 0, 0, 0};
                for (int i = 0; i < s.size() && s.startNanos(i) < orEnd; i++) {
                    if (s.startNanos(i) == open) {
                        r[0] = s.openNanos(i);
                        r[5] = 1;
                    }
                    r[1] = Math.max(r[1], s.highNanos(i));
                    r[2] = Math.min(r[2], s.lowNanos(i));
                    r[3] = s.closeNanos(i);
                    r[4] += s.volume(i);
                }
                ranges.put(e.getKey(), r);
            }
            if (days.size() >= 15) {
                List<Candidate> candidates = new ArrayList<>();
                for (Symbol sym : days.get(days.size() - 1).keySet()) {
                    List<DailyBar> prev = new ArrayList<>();
                    for (int k = days.size() - 15; k < days.size(); k++) {
                        DailyBar b = days.get(k).get(sym);
                        if (b != null) {
                            prev.add(b);
                        }
                    }
                    long[] r = ranges.get(sym);
                    if (prev.size() < 15 || r == null || r[5] == 0) {
                        continue;
                    }
                    BigDecimal sumTr = BigDecimal.ZERO;
                    long sumVolume = 0;
                    for (int k = 1; k < 15; k++) {
                        BigDecimal h = prev.get(k).high().toBigDecimal();
                        BigDecimal l = prev.get(k).low().toBigDecimal();
                        BigDecimal c = prev.get(k - 1).close().toBigDecimal();
                        sumTr = sumTr.add(h.subtract(l).max(h.subtract(c).abs()).max(l.subtract(c).abs()));
                        sumVolume += prev.get(k).volume();
                    }
                    boolean universe = prev.get(14).close().toBigDecimal().compareTo(new BigDecimal("5")) >= 0
                            && sumVolume >= 14L * 1_000_000 && sumTr.compareTo(new BigDecimal("7.00")) >= 0;
                    long history = 0;
                    for (int k = orVolumes.size() - 14; k < orVolumes.size(); k++) {
                        history += orVolumes.get(k).getOrDefault(sym, 0L);
                    }
                    if (!universe || r[3] == r[0] || history == 0 || r[4] * 14 < history) {
                        continue; // not eligible, doji, no history, rvol < 1
                    }
                    candidates.add(new Candidate(sym, r, sumTr, BigInteger.valueOf(r[4] * 14), BigInteger.valueOf(history)));
                }
                // rvol descending, compared exactly (a.num / a.den vs b.num / b.den), ties by symbol ascending
                candidates.sort((a, b) -> {
                    int byRvol = b.num.multiply(a.den).compareTo(a.num.multiply(b.den));
                    return byRvol != 0 ? byRvol : a.symbol.compareTo(b.symbol);
                });
                BigDecimal pnl = BigDecimal.ZERO;
                List<SimulatedTrade> todays = new ArrayList<>();
                for (Candidate c : candidates.subList(0, Math.min(TOP_N, candidates.size()))) {
                    Optional<SimulatedTrade> t = trade(c, session, today, equity, fills);
                    if (t.isPresent()) {
                        todays.add(t.get());
                        pnl = pnl.add(t.get().pnl());
                    }
                }
                todays.sort(Comparator.comparing(SimulatedTrade::symbol));
                trades.addAll(todays);
                equity = equity.add(pnl);
            }
            Map<Symbol, DailyBar> rows = new HashMap<>();
            today.dailyBars().forEach(b -> rows.put(b.symbol(), b));
            days.add(rows);
            Map<Symbol, Long> vols = new HashMap<>();
            ranges.forEach((s, r) -> vols.put(s, r[4]));
            orVolumes.add(vols);
        }
        return trades;
    }

    private static Optional<SimulatedTrade> trade(Candidate c, TradingSession session, SessionData today,
                                                  BigDecimal equity, FillModel fills) {
        boolean isLong = c.range[3] > c.range[0];
        BigDecimal level = BigDecimal.valueOf(isLong ? c.range[1] : c.range[2], 9);
        BigDecimal tick = level.compareTo(BigDecimal.ONE) >= 0 ? CENT : HUNDREDTH_CENT;
        BigDecimal entry = level.divide(tick, 0, isLong ? RoundingMode.CEILING : RoundingMode.FLOOR).multiply(tick);
        // stop = entry ∓ 0.10 × ΣTR / 14 = (140 × entry ∓ ΣTR) / 140, rounded half up to the tick of that value
        BigDecimal numerator = entry.multiply(BigDecimal.valueOf(140)).add(isLong ? c.sumTr.negate() : c.sumTr);
        BigDecimal approx = numerator.divide(BigDecimal.valueOf(140), 12, RoundingMode.HALF_EVEN);
        BigDecimal stopTick = approx.compareTo(BigDecimal.ONE) >= 0 ? CENT : HUNDREDTH_CENT;
        BigDecimal twoD = stopTick.multiply(BigDecimal.valueOf(280));
        BigDecimal units = numerator.multiply(BigDecimal.valueOf(2)).add(stopTick.multiply(BigDecimal.valueOf(140)))
                .divide(twoD, 0, RoundingMode.FLOOR);
        BigDecimal stop = units.multiply(stopTick);
        if (stop.signum() <= 0 || stop.compareTo(entry) == 0) {
            return Optional.empty();
        }
        BigDecimal byRisk = new BigDecimal("0.01").multiply(equity).divide(entry.subtract(stop).abs(), 0,
                RoundingMode.FLOOR);
        BigDecimal byLeverage = equity.multiply(BigDecimal.valueOf(4)).divide(entry.multiply(BigDecimal.valueOf(TOP_N)), 0,
                RoundingMode.FLOOR);
        long shares = byRisk.min(byLeverage).longValueExact();
        if (shares < 1) {
            return Optional.empty();
        }
        OrderIntent intent = new OrderIntent(ClientOrderId.of(session.date(), c.symbol, OrderPurpose.ENTRY, 1),
                session.date(), c.symbol, isLong ? Direction.LONG : Direction.SHORT, Price.of(entry), Price.of(stop),
                shares, TimeInForce.DAY);
        Instant from = session.openInstant().plusSeconds(300);
        Instant eod = session.closeInstant().minusSeconds(300);
        return fills.simulate(intent, today.minutes().series(c.symbol).orElseThrow(),
                new FillWindow(session.date(), from, eod));
    }

    private record Candidate(Symbol symbol, long[] range, BigDecimal sumTr, BigInteger num, BigInteger den) {
    }
}
