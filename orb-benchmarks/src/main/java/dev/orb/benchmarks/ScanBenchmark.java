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
import dev.orb.core.strategy.ScanInput;
import dev.orb.core.strategy.Scanner;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;

/**
 * One full-market morning scan ({@link Scanner#scan}): universe filter, opening range from five one-minute bars,
 * RVOL over 14 sessions, ranking, top 20 and sizing, over {@code symbols} symbols (10,000 by default), on the
 * {@link ScanInput} the engine receives in its scan event (built with {@link ScanInput#of} from maps, as the live
 * day does; the backtest builds the same columns from its own without maps). {@link #buildInputFromMaps} times
 * that conversion, which happens when the event is created, before the engine (and the clock) get it. About 91 % of
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

    private TradingSession session;
    private Map<Symbol, DailyStats> universe;
    private Map<Symbol, List<Bar>> bars;
    private Map<Symbol, long[]> history;
    private ScanInput input;
    private final BigDecimal equity = new BigDecimal("100000");
    private final OrbConfig config = OrbConfig.defaults();

    @Setup
    public void setUp() {
        Random r = new Random(42);
        session = NyseCalendar.standard().session(LocalDate.of(2024, 3, 12)).orElseThrow();
        universe = new TreeMap<>();
        bars = new HashMap<>();
        history = new HashMap<>();
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
        input = ScanInput.of(universe, bars, history);
    }

    @Benchmark
    public Scanner.Result scan() {
        return Scanner.scan(session, input, equity, config);
    }

    /**
     * The scan and a read of each of its records ({@code Result.records()} builds an {@code OpeningRangeRecord} on
     * each read, as the storage does when it persists them): the cost a consumer adds after the scan.
     */
    @Benchmark
    public long scanAndReadRecords() {
        long sum = 0;
        for (OpeningRangeRecord r : Scanner.scan(session, input, equity, config).records()) {
            sum += r.range().volume() + r.rank();
        }
        return sum;
    }

    /** The conversion of the maps into the scan's columns ({@link ScanInput#of}); not part of the scan. */
    @Benchmark
    public ScanInput buildInputFromMaps() {
        return ScanInput.of(universe, bars, history);
    }

    // the set-up's maps, for LiveScanLatency (call setUp first)

    TradingSession session() {
        return session;
    }

    Map<Symbol, DailyStats> universe() {
        return universe;
    }

    Map<Symbol, List<Bar>> bars() {
        return bars;
    }

    Map<Symbol, long[]> history() {
        return history;
    }
}
