package dev.orb.sim.flatfile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where Polygon puts its flat files under a root directory:
 * {@code <root>/us_stocks_sip/day_aggs_v1/YYYY/MM/YYYY-MM-DD.csv.gz} and the same under
 * {@code minute_aggs_v1}. Each file is gzip CSV with the header {@link #HEADER}; {@code window_start} is the
 * start of the bar in epoch nanoseconds UTC.
 */
public final class FlatFileLayout {
    /** The exact first line of every file. */
    public static final String HEADER = "ticker,volume,open,close,high,low,window_start,transactions";
    /** Daily aggregates, relative to the root. */
    public static final String DAY_AGGS = "us_stocks_sip/day_aggs_v1";
    /** Minute aggregates, relative to the root. */
    public static final String MINUTE_AGGS = "us_stocks_sip/minute_aggs_v1";
    /** Name suffix of every file. */
    public static final String SUFFIX = ".csv.gz";

    private FlatFileLayout() {
    }

    /** {@code <root>/us_stocks_sip/day_aggs_v1}. */
    public static Path dayDirectory(Path root) {
        return Objects.requireNonNull(root, "root").resolve(DAY_AGGS);
    }

    /** {@code <root>/us_stocks_sip/minute_aggs_v1}. */
    public static Path minuteDirectory(Path root) {
        return Objects.requireNonNull(root, "root").resolve(MINUTE_AGGS);
    }

    /** The day-aggregates file of {@code date}. */
    public static Path dayFile(Path root, LocalDate date) {
        return dated(dayDirectory(root), date);
    }

    /** The minute-aggregates file of {@code date}. */
    public static Path minuteFile(Path root, LocalDate date) {
        return dated(minuteDirectory(root), date);
    }

    private static Path dated(Path dir, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return dir.resolve(String.format("%04d", date.getYear()))
                .resolve(String.format("%02d", date.getMonthValue()))
                .resolve(date + SUFFIX);
    }
}
