package dev.orb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.sim.backtest.BacktestConfig;
import dev.orb.sim.backtest.BacktestListener;
import dev.orb.sim.backtest.BacktestResult;
import dev.orb.sim.backtest.BacktestRunner;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.flatfile.SessionReplay;
import dev.orb.sim.synth.GeneratorConfig;
import dev.orb.sim.synth.SyntheticMarket;

/**
 * End-to-end flat-file backtest throughput: gzip, parse and validate every minute row, then simulate through the
 * session engine. The {@code minuteRows} counter is minute-file rows per second (pre- and post-market rows
 * included, as they are read and validated too). {@code readOnly} is the reading alone, for the split.
 *
 * <p>{@code -p data=DIR} uses an existing dataset; by default 60 sessions × 200 symbols are generated once
 * (seed 7, 2024-01-02 to 2024-03-27) into a temporary directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class BacktestBenchmark {
    @Param("")
    public String data;

    /** Sessions read in parallel ahead of the simulation; 3 is the CLI's default on 2 cores (cores + 1). */
    @Param({"1", "3"})
    public int readAhead;

    private FlatFileDataset dataset;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path root;
        if (data.isEmpty()) {
            root = Files.createTempDirectory("orb-bench");
            SyntheticMarket.create(GeneratorConfig.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 27), 200, 7),
                    NyseCalendar.standard()).writeTo(root);
        } else {
            root = Path.of(data);
        }
        dataset = FlatFileDataset.open(root);
    }

    /** Rows counted per operation, reported by JMH as rows per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rows {
        public long minuteRows;

        @Setup(Level.Iteration)
        public void reset() {
            minuteRows = 0;
        }
    }

    @Benchmark
    public BacktestResult backtest(Rows rows) {
        BacktestConfig d = BacktestConfig.defaults();
        BacktestConfig config = new BacktestConfig(d.strategy(), d.fills(), d.startEquity(), null, null, readAhead);
        BacktestResult result = new BacktestRunner(config, NyseCalendar.standard()).run(dataset, BacktestListener.NONE);
        rows.minuteRows += result.minuteRows();
        return result;
    }

    @Benchmark
    public long readOnly(Rows rows) {
        long n = 0;
        try (SessionReplay replay = dataset.replay(NyseCalendar.standard(), dataset.sessions(), readAhead)) {
            while (replay.hasNext()) {
                n += replay.next().minutes().rowCount();
            }
        }
        rows.minuteRows += n;
        return n;
    }
}
