package dev.orb.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.strategy.Scanner;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;

/**
 * One full-market morning scan ({@link Scanner#scan}): universe filter, opening range from five one-minute bars,
 * RVOL over 14 sessions, ranking, top 20 and sizing, over {@code symbols} symbols (10,000 by default). About 91 % of
 * the symbols pass the universe filter, about half of those have RVOL ≥ 1 (4,484 ranked candidates).
 *
 * <p>{@code stats}: {@code cents} gives ATRs in whole cents and whole-share average volumes (small decimals);
 * {@code daily-statistics} gives them at the scales {@link dev.orb.core.strategy.DailyStatistics} produces in a
 * backtest or a live session (ATR a mean of 14 true ranges at 20 decimals, which does not fit in a long; average
 * volume at 4 decimals), with the same values to within a cent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScanBenchmark {
    @Param({"10000"})
    public int symbols;

    @Param({"cents", "daily-statistics"})
    public String stats = "cents";

    private static final BigDecimal FOURTEEN = BigDecimal.valueOf(14);

    private Scanner.Input input;
    private final BigDecimal equity = new BigDecimal("100000");
    private final OrbConfig config = OrbConfig.defaults();

    @Setup
    public void setUp() {
        Random r = new Random(42);
        TradingSession session = NyseCalendar.standard().session(LocalDate.of(2024, 3, 12)).orElseThrow();
        Map<Symbol, DailyStats> universe = new TreeMap<>();
        Map<Symbol, List<Bar>> bars = new HashMap<>();
        Map<Symbol, long[]> history = new HashMap<>();
        for (int i = 0; i < symbols; i++) {
            Symbol s = Symbol.of("S" + i);
            long cents = 300 + r.nextInt(30_000);
            long atrCents = 20 + r.nextInt(500);
            long avgVolume = 500_000L + r.nextInt(20_000_000);
            universe.put(s, "cents".equals(stats)
                    ? new DailyStats(s, session.date(), BigDecimal.valueOf(atrCents, 2), BigDecimal.valueOf(avgVolume),
                            Price.ofCents(cents))
                    : new DailyStats(s, session.date(),
                            BigDecimal.valueOf(atrCents * 14 + i % 14, 2).divide(FOURTEEN, 20, RoundingMode.HALF_EVEN),
                            BigDecimal.valueOf(avgVolume * 14 + i % 14).divide(FOURTEEN, 4, RoundingMode.HALF_EVEN),
                            Price.ofCents(cents)));
            List<Bar> window = new ArrayList<>(5);
            long p = cents;
            for (int m = 0; m < 5; m++) {
                long o = p;
                long c = Math.max(10, o + r.nextInt(41) - 20);
                long h = Math.max(o, c) + r.nextInt(10);
                long l = Math.max(1, Math.min(o, c) - r.nextInt(10));
                window.add(new Bar(s, session.openInstant().plusSeconds(60L * m), Timeframe.ONE_MINUTE,
                        Price.ofCents(o), Price.ofCents(h), Price.ofCents(l), Price.ofCents(c), 1000 + r.nextInt(50_000)));
                p = c;
            }
            bars.put(s, window);
            long[] v = new long[14];
            for (int k = 0; k < v.length; k++) {
                v[k] = 30_000 + r.nextInt(200_000);
            }
            history.put(s, v);
        }
        input = new Scanner.Input(session, universe, bars, history);
    }

    @Benchmark
    public Scanner.Result scan() {
        return Scanner.scan(input, equity, config);
    }

    /**
     * Reads every input object a scan reads (map entries, statistics, bars with their instants and prices, the
     * volume histories) and nothing else: a lower bound of the scan with this input representation, for
     * {@link CpuFigures}. Not a JMH benchmark.
     */
    public long readInputOnly() {
        long sum = 0;
        for (Map.Entry<Symbol, DailyStats> e : input.universe().entrySet()) {
            DailyStats s = e.getValue();
            sum += s.prevClose().nanos() + s.atr14().scale() + s.avgVolume14().scale() + s.session().getDayOfMonth();
            for (Bar bar : input.bars().get(e.getKey())) {
                sum += bar.start().getEpochSecond() + bar.timeframe().minutes() + bar.open().nanos()
                        + bar.high().nanos() + bar.low().nanos() + bar.close().nanos() + bar.volume();
            }
            for (long v : input.orVolumeHistory().get(e.getKey())) {
                sum += v;
            }
        }
        return sum;
    }
}
