package dev.orb.sim.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.orb.sim.WeekdayCalendar;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.flatfile.FlatFileLayout;
import dev.orb.sim.flatfile.FlatFileWriter;
import dev.orb.sim.flatfile.MinuteSeries;
import dev.orb.sim.flatfile.SessionData;
import dev.orb.sim.flatfile.SessionReplay;
import dev.orb.sim.synth.GenerationSummary;
import dev.orb.sim.synth.GeneratorConfig;
import dev.orb.sim.synth.SyntheticMarket;

/**
 * Throughput of the flat-file reader alone (gunzip + parse + validate + columns), over a generated
 * 60-session × 200-symbol dataset. Not a unit test: run it by hand, see docs/simulation.md.
 *
 * <pre>
 * mvn -o -q -B -pl orb-sim -am test-compile
 * java -Xmx512m -cp orb-sim/target/test-classes:orb-sim/target/classes:orb-core/target/classes:orb-ports/target/classes \
 *     dev.orb.sim.bench.FlatFileReadBenchmark /tmp/orb-bench [passes=7] [readAhead=1] [limit=all sessions]
 * </pre>
 *
 * The dataset (60 sessions × 200 symbols, seed 1, from 2024-01-02, gzip level 6 like gzip's default) is generated on the first run and reused
 * afterwards; {@code limit} reads only its first sessions (to show memory does not grow with the range). Each pass reads
 * every session through {@link SessionReplay} and touches every kept bar's columns; the first passes warm the
 * JIT, the report gives the median and best of the others.
 */
public final class FlatFileReadBenchmark {
    private FlatFileReadBenchmark() {
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "/tmp/orb-bench");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int readAhead = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        int sessions = 60;
        int symbols = 200;
        WeekdayCalendar calendar = WeekdayCalendar.US_2024;

        if (!Files.isDirectory(FlatFileLayout.dayDirectory(root))) {
            LocalDate from = LocalDate.of(2024, 1, 2);
            LocalDate to = calendar.sessions(from, from.plusDays(sessions * 2L)).get(sessions - 1).date();
            long t0 = System.nanoTime();
            GenerationSummary summary = SyntheticMarket.create(GeneratorConfig.of(from, to, symbols, 1), calendar)
                    .writeTo(root, FlatFileWriter.DEFAULT_GZIP_LEVEL);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", summary, (System.nanoTime() - t0) / 1e9);
        }
        FlatFileDataset dataset = FlatFileDataset.open(root);
        List<LocalDate> dates = dataset.sessions().subList(0, Math.min(limit, dataset.sessions().size()));

        List<Double> rowRates = new ArrayList<>();
        List<Double> barRates = new ArrayList<>();
        for (int pass = 1; pass <= passes; pass++) {
            long rows = 0;
            long bars = 0;
            long checksum = 0;
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            try (SessionReplay replay = dataset.replay(calendar, dates, readAhead)) {
                while (replay.hasNext()) {
                    SessionData s = replay.next();
                    rows += s.minutes().rowCount();
                    bars += s.minutes().barCount();
                    for (MinuteSeries series : s.minutes().bySymbol().values()) {
                        for (int i = 0; i < series.size(); i++) {
                            checksum += series.closeNanos(i) ^ series.highNanos(i) ^ series.volume(i);
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT,
                    "pass %d: %d sessions, %,d rows (%,d regular bars) in %.3f s wall = %,.0f rows/s, %,.0f regular"
                            + " bars/s; %.3f s CPU all threads = %.0f ns CPU/row [checksum %x]%n", pass, dates.size(),
                    rows, bars, seconds, rows / seconds, bars / seconds, cpuSeconds, cpuSeconds * 1e9 / rows, checksum);
            if (pass > Math.min(2, passes - 1)) {
                rowRates.add(rows / seconds);
                barRates.add(bars / seconds);
            }
        }
        Collections.sort(rowRates);
        Collections.sort(barRates);
        System.out.printf(Locale.ROOT, "readAhead=%d: median %,.0f rows/s (%,.0f regular bars/s), best %,.0f rows/s"
                        + " (%,.0f regular bars/s)%n", readAhead, rowRates.get(rowRates.size() / 2),
                barRates.get(barRates.size() / 2), rowRates.get(rowRates.size() - 1), barRates.get(barRates.size() - 1));
    }
}
