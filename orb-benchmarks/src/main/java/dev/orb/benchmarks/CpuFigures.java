package dev.orb.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.openjdk.jmh.infra.Blackhole;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.sim.backtest.BacktestConfig;
import dev.orb.sim.backtest.BacktestListener;
import dev.orb.sim.backtest.BacktestResult;
import dev.orb.sim.backtest.BacktestRunner;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.flatfile.SessionReplay;

/**
 * The benchmarks' workloads timed in CPU time as well as wall time, for a machine whose cores are shared (wall
 * time then mostly measures the neighbours). Prints the median of the measured passes after warm-up passes.
 *
 * <p>{@code java -cp orb-benchmarks/target/benchmarks.jar dev.orb.benchmarks.CpuFigures [DATA_DIR]}: the scan and
 * ATR figures always; the backtest and read-only figures when a flat-file directory is given (single-threaded
 * reading, {@code readAhead = 0}, so the CPU time of one thread is the whole cost).
 */
public final class CpuFigures {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuFigures() {
    }

    public static void main(String[] args) {
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        // a scan takes a few milliseconds: many passes, so that the JIT has finished compiling it before measuring
        ScanBenchmark scan = new ScanBenchmark();
        scan.symbols = 10_000;
        scan.setUp();
        measure("scan of 10,000 symbols (Scanner.scan)", 400, 300, () -> scan.scan());
        ScanBenchmark scanComputed = new ScanBenchmark();
        scanComputed.symbols = 10_000;
        scanComputed.stats = "daily-statistics";
        scanComputed.setUp();
        measure("scan, statistics at DailyStatistics' scales", 400, 300, () -> scanComputed.scan());
        measure("scan, then building every record it returns", 400, 300, () -> scan.scanAndReadRecords());
        measure("building the scan's input from maps (ScanInput.of)", 100, 100, () -> scan.buildInputFromMaps());
        AtrBenchmark atr = new AtrBenchmark();
        atr.symbols = 10_000;
        atr.setUp();
        measure("ATR14/ADV14 x 10,000, orb SIMPLE", 10, 15, () -> {
            atr.orbSimple(bh);
            return null;
        });
        measure("ATR14/ADV14 x 10,000, orb WILDER", 10, 15, () -> {
            atr.orbWilder(bh);
            return null;
        });
        measure("ATR14/ADV14 x 10,000, ta4j 0.17 DecimalNum", 5, 10, () -> {
            atr.ta4jDecimalNum(bh);
            return null;
        });
        measure("ATR14/ADV14 x 10,000, ta4j 0.17 DoubleNum", 5, 10, () -> {
            atr.ta4jDoubleNum(bh);
            return null;
        });
        if (args.length > 0) {
            FlatFileDataset dataset = FlatFileDataset.open(Path.of(args[0]));
            long[] rows = new long[1];
            double read = measure("read only (gunzip + parse + validate), readAhead 0", 1, 3, () -> {
                long n = 0;
                try (SessionReplay replay = dataset.replay(NyseCalendar.standard(), dataset.sessions(), 0)) {
                    while (replay.hasNext()) {
                        n += replay.next().minutes().rowCount();
                    }
                }
                rows[0] = n;
                return n;
            });
            BacktestConfig d = BacktestConfig.defaults();
            BacktestConfig config = new BacktestConfig(d.strategy(), d.fills(), d.startEquity(), null, null, 0);
            double full = measure("backtest (read + simulate), readAhead 0", 1, 3, () -> {
                BacktestResult r = new BacktestRunner(config, NyseCalendar.standard()).run(dataset,
                        BacktestListener.NONE);
                return r.trades().size();
            });
            System.out.printf(Locale.ROOT, "%,d minute rows: read %.2f M rows/CPU-s, backtest %.2f M rows/CPU-s;"
                    + " simulation adds %.0f ns of CPU per row (%.0f %% of the backtest)%n", rows[0],
                    rows[0] / read / 1e3, rows[0] / full / 1e3, (full - read) * 1e6 / rows[0],
                    100 * (full - read) / full);
        }
    }

    /** Runs {@code work} warm-up then measured times; prints and returns the median CPU milliseconds. */
    private static double measure(String name, int warmup, int passes, Supplier<Object> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] cpu = new double[passes];
        double[] wall = new double[passes];
        for (int i = 0; i < passes; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            work.get();
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
            wall[i] = (System.nanoTime() - w0) / 1e6;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "%-55s CPU median %10.3f ms (best %10.3f)   wall median %10.3f ms%n", name,
                cpu[passes / 2], cpu[0], wall[passes / 2]);
        return cpu[passes / 2];
    }
}
