package dev.orb.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;

import dev.orb.core.config.AtrMethod;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.strategy.DailyStatistics;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;

/**
 * ATR14 and ADV14 (plus the previous close) of {@code symbols} symbols from the same 15 daily bars each, side by
 * side: orb's {@link DailyStatistics#compute} (exact decimals; SIMPLE and WILDER) against ta4j-core 0.17's
 * {@link ATRIndicator} with an {@link SMAIndicator} over volume, with its default {@link DecimalNum} and with
 * {@link DoubleNum}. The ta4j variants build each symbol's bar series, as a nightly job over fresh bars must.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AtrBenchmark {
    @Param({"10000"})
    public int symbols;

    private final LocalDate session = LocalDate.of(2024, 3, 12);
    private final OrbConfig simple = OrbConfig.defaults();
    private final OrbConfig wilder = OrbConfig.builder().atrMethod(AtrMethod.WILDER).build();
    private List<Symbol> names;
    private List<List<DailyBar>> bars;
    private ZonedDateTime[] ends;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        names = new ArrayList<>(symbols);
        bars = new ArrayList<>(symbols);
        ends = new ZonedDateTime[15];
        for (int d = 0; d < 15; d++) {
            ends[d] = ZonedDateTime.of(session.minusDays(15 - d).atTime(16, 0), ZoneOffset.ofHours(-5));
        }
        for (int i = 0; i < symbols; i++) {
            Symbol s = Symbol.of("S" + i);
            names.add(s);
            List<DailyBar> list = new ArrayList<>(15);
            long p = 500 + r.nextInt(30_000);
            for (int d = 0; d < 15; d++) {
                long o = p;
                long c = Math.max(100, o + r.nextInt(201) - 100);
                long h = Math.max(o, c) + r.nextInt(80);
                long l = Math.max(1, Math.min(o, c) - r.nextInt(80));
                list.add(new DailyBar(s, session.minusDays(15 - d), Price.ofCents(o), Price.ofCents(h), Price.ofCents(l),
                        Price.ofCents(c), 100_000L + r.nextInt(5_000_000)));
                p = c;
            }
            bars.add(list);
        }
    }

    @Benchmark
    public void orbSimple(Blackhole bh) {
        for (int i = 0; i < names.size(); i++) {
            Optional<DailyStats> stats = DailyStatistics.compute(names.get(i), session, bars.get(i), simple);
            bh.consume(stats);
        }
    }

    @Benchmark
    public void orbWilder(Blackhole bh) {
        for (int i = 0; i < names.size(); i++) {
            bh.consume(DailyStatistics.compute(names.get(i), session, bars.get(i), wilder));
        }
    }

    @Benchmark
    public void ta4jDecimalNum(Blackhole bh) {
        for (List<DailyBar> list : bars) {
            BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).build();
            for (int d = 0; d < list.size(); d++) {
                DailyBar b = list.get(d);
                series.addBar(ends[d], b.open().toBigDecimal(), b.high().toBigDecimal(), b.low().toBigDecimal(),
                        b.close().toBigDecimal(), BigDecimal.valueOf(b.volume()));
            }
            consume(bh, series);
        }
    }

    @Benchmark
    public void ta4jDoubleNum(Blackhole bh) {
        for (List<DailyBar> list : bars) {
            BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
            for (int d = 0; d < list.size(); d++) {
                DailyBar b = list.get(d);
                series.addBar(ends[d], b.open().toDouble(), b.high().toDouble(), b.low().toDouble(),
                        b.close().toDouble(), (double) b.volume());
            }
            consume(bh, series);
        }
    }

    private static void consume(Blackhole bh, BarSeries series) {
        int last = series.getEndIndex();
        bh.consume(new ATRIndicator(series, 14).getValue(last));
        bh.consume(new SMAIndicator(new VolumeIndicator(series), 14).getValue(last));
        bh.consume(series.getBar(last).getClosePrice());
    }
}
