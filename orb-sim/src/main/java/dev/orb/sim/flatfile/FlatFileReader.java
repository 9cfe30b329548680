package dev.orb.sim.flatfile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.DailyBar;
import dev.orb.domain.Price;
import dev.orb.domain.TradingSession;
import dev.orb.sim.EpochNanos;

/**
 * Reads one Polygon flat file at a time, validating every line (pre- and post-market rows included). Holds
 * only the file being read: memory does not grow with the number of sessions in a dataset.
 *
 * <p>Stateless and safe for concurrent use; each call reads its own file.
 */
public final class FlatFileReader {
    private FlatFileReader() {
    }

    /**
     * The rows of a day-aggregates file as daily bars of {@code date}, sorted by symbol.
     *
     * @throws FlatFileException naming the file and line of the first malformed line, or a ticker that appears
     *     twice
     */
    public static List<DailyBar> readDaily(Path file, LocalDate date) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(date, "date");
        List<DailyBar> bars = new ArrayList<>();
        long[] firstLine = new long[64];
        try (RowReader r = RowReader.open(file)) {
            while (r.next()) {
                int id = r.symbolId;
                if (id >= firstLine.length) {
                    firstLine = Arrays.copyOf(firstLine, Math.max(id + 1, firstLine.length * 2));
                }
                if (firstLine[id] != 0) {
                    throw r.error("duplicate row of " + r.symbol() + " (also on line " + firstLine[id] + ")");
                }
                firstLine[id] = r.line();
                bars.add(new DailyBar(r.symbol(), date, new Price(r.open), new Price(r.high), new Price(r.low),
                        new Price(r.close), r.volume));
            }
        }
        bars.sort(Comparator.comparing(DailyBar::symbol));
        return List.copyOf(bars);
    }

    /**
     * The regular-session bars of a minute-aggregates file: rows that start in
     * {@code [session.open, session.close)}. Every row is validated, including those dropped.
     *
     * @throws FlatFileException naming the file and line of the first malformed line or duplicate bar
     */
    public static SessionMinutes readMinutes(Path file, TradingSession session) {
        return readMinutes(file, session, 0);
    }

    /** {@link #readMinutes(Path, TradingSession)} with a guess of the number of regular-session bars. */
    static SessionMinutes readMinutes(Path file, TradingSession session, int expectedBars) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(session, "session");
        long from = EpochNanos.of(session.openInstant());
        long until = EpochNanos.of(session.closeInstant());
        MinuteCollector kept = new MinuteCollector(expectedBars);
        long rows = 0;
        try (RowReader r = RowReader.open(file)) {
            while (r.next()) {
                rows++;
                long start = r.windowStart;
                if (start >= from && start < until) {
                    kept.add(r);
                }
            }
            return kept.finish(session, r.symbols(), rows, file);
        }
    }
}
