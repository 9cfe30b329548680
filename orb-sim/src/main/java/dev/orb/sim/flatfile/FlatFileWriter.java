package dev.orb.sim.flatfile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.sim.EpochNanos;

/**
 * Writes one flat file in Polygon's format (gzip CSV, header {@link FlatFileLayout#HEADER}), row by row.
 * Prices are written as plain decimals without trailing zeros ({@code 171.5}, {@code 0.0123}).
 *
 * <p>The data goes to a {@code .partial} file beside the target and replaces the target only on
 * {@link #commit()}; {@link #close()} without a commit deletes it, so a failed generation never leaves a file
 * that looks complete. Every row is checked by the same rules as the reader's: the writer cannot produce a
 * file that {@link FlatFileReader} rejects (apart from the order of rows, which the writer does not impose).
 * The output is a function of the rows alone: same rows, same bytes.
 *
 * <p>Not thread-safe.
 */
public final class FlatFileWriter implements AutoCloseable {
    private static final byte[] HEADER_LINE = (FlatFileLayout.HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
    /** Compression level of {@link #create(Path)}: gzip's and zlib's default. */
    public static final int DEFAULT_GZIP_LEVEL = 6;
    private static final int BUFFER = 1 << 16;
    /** Longest row: ticker, six numbers of at most 22 characters and separators. */
    private static final int MAX_ROW = Symbol.MAX_LENGTH + 8 * 24;

    private final Path file;
    private final Path partial;
    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int used;
    private long rows;
    private Symbol lastTicker;
    private byte[] lastTickerBytes;
    private boolean committed;
    private boolean closed;

    private FlatFileWriter(Path file, Path partial, OutputStream out) {
        this.file = file;
        this.partial = partial;
        this.out = out;
    }

    /**
     * Starts writing {@code file} (creating its directories); the file itself appears on {@link #commit()}.
     *
     * @throws FlatFileException if the file cannot be created
     */
    public static FlatFileWriter create(Path file) {
        return create(file, DEFAULT_GZIP_LEVEL);
    }

    /**
     * {@link #create(Path)} with a gzip compression level from 1 (fastest) to 9 (smallest). Readers do not care;
     * writing repetitive CSV at level 6 is several times slower than at 3 for a file about a fifth larger.
     *
     * @throws InvalidValueException if the level is outside 1..9
     */
    public static FlatFileWriter create(Path file, int gzipLevel) {
        Objects.requireNonNull(file, "file");
        if (gzipLevel < Deflater.BEST_SPEED || gzipLevel > Deflater.BEST_COMPRESSION) {
            throw new InvalidValueException("FlatFileWriter.gzipLevel: " + gzipLevel + " must be in 1..9");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream out = new LeveledGzipOutputStream(Files.newOutputStream(partial), gzipLevel);
            FlatFileWriter writer = new FlatFileWriter(file, partial, out);
            writer.append(HEADER_LINE, 0, HEADER_LINE.length);
            return writer;
        } catch (IOException e) {
            throw new FlatFileException(file + ": cannot create: " + e.getMessage(), e);
        }
    }

    /** The file this writer produces. */
    public Path file() {
        return file;
    }

    /** Data rows written so far. */
    public long rows() {
        return rows;
    }

    /**
     * Writes one row. Prices are in nano-dollars ({@link dev.orb.domain.Price#nanos()}), the start in epoch
     * nanoseconds UTC; the column order is Polygon's.
     *
     * @throws FlatFileException naming the file and the row's line if the row breaks a rule of the reader
     *     (non-positive price, high below low or below open/close, low above open/close, negative volume,
     *     start or transactions)
     */
    public void write(Symbol ticker, long volume, long openNanos, long closeNanos, long highNanos, long lowNanos,
                      long windowStartNanos, long transactions) {
        Objects.requireNonNull(ticker, "ticker");
        checkOpen();
        String problem = RowRules.problem(volume, openNanos, closeNanos, highNanos, lowNanos, windowStartNanos,
                transactions);
        if (problem != null) {
            throw FlatFileException.at(file, rows + 2, problem + " (" + ticker + ")");
        }
        if (used + MAX_ROW > buf.length) {
            flushBuffer();
        }
        if (!ticker.equals(lastTicker)) {
            lastTicker = ticker;
            lastTickerBytes = ticker.value().getBytes(StandardCharsets.US_ASCII);
        }
        int p = used;
        System.arraycopy(lastTickerBytes, 0, buf, p, lastTickerBytes.length);
        p += lastTickerBytes.length;
        buf[p++] = ',';
        p = Decimals.appendWhole(buf, p, volume);
        buf[p++] = ',';
        p = Decimals.appendNanos(buf, p, openNanos);
        buf[p++] = ',';
        p = Decimals.appendNanos(buf, p, closeNanos);
        buf[p++] = ',';
        p = Decimals.appendNanos(buf, p, highNanos);
        buf[p++] = ',';
        p = Decimals.appendNanos(buf, p, lowNanos);
        buf[p++] = ',';
        p = Decimals.appendWhole(buf, p, windowStartNanos);
        buf[p++] = ',';
        p = Decimals.appendWhole(buf, p, transactions);
        buf[p++] = '\n';
        used = p;
        rows++;
    }

    /**
     * Finishes the gzip stream and moves the file into place, replacing an existing one.
     *
     * @throws FlatFileException if writing or moving fails (the partial file is then deleted)
     */
    public void commit() {
        checkOpen();
        try {
            flushBuffer();
            out.close();
            closed = true;
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new FlatFileException(file + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (!committed) {
                discard();
            }
        }
    }

    /** Releases the file; without a prior {@link #commit()} the partial output is deleted. Idempotent. */
    @Override
    public void close() {
        if (!committed) {
            discard();
        }
    }

    private void discard() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // The output is being thrown away.
            }
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // Best effort: a leftover .partial file is never mistaken for a flat file.
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new FlatFileException(file + ": writer already " + (committed ? "committed" : "closed"));
        }
    }

    private void append(byte[] bytes, int from, int length) {
        System.arraycopy(bytes, from, buf, used, length);
        used += length;
    }

    private void flushBuffer() {
        try {
            out.write(buf, 0, used);
            used = 0;
        } catch (IOException e) {
            throw new FlatFileException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * The transactions count the convenience writers put in files when the caller has none: 0 without volume,
     * else one per 100 shares, at least 1. Nothing in orb reads the column.
     */
    public static long estimatedTransactions(long volume) {
        return volume <= 0 ? 0 : Math.max(1, volume / 100);
    }

    /**
     * Writes the day-aggregates file of {@code date} under {@code root}: one row per bar, sorted by symbol,
     * {@code window_start} = midnight New York of {@code date}.
     *
     * @return the file written
     * @throws InvalidValueException if a bar is not of {@code date}
     */
    public static Path writeDaily(Path root, LocalDate date, List<DailyBar> bars) {
        Objects.requireNonNull(bars, "bars");
        List<DailyBar> sorted = new ArrayList<>(bars);
        sorted.sort(Comparator.comparing(DailyBar::symbol));
        long windowStart = EpochNanos.of(ZonedDateTime.of(date.atStartOfDay(), MarketTime.NEW_YORK).toInstant());
        try (FlatFileWriter w = create(FlatFileLayout.dayFile(root, date))) {
            for (DailyBar b : sorted) {
                if (!b.date().equals(date)) {
                    throw new InvalidValueException("writeDaily: bar of " + b.symbol() + " is of " + b.date()
                            + ", not " + date);
                }
                w.write(b.symbol(), b.volume(), b.open().nanos(), b.close().nanos(), b.high().nanos(), b.low().nanos(),
                        windowStart, estimatedTransactions(b.volume()));
            }
            w.commit();
            return w.file();
        }
    }

    /**
     * Writes the minute-aggregates file of {@code date} under {@code root}: one row per one-minute bar, sorted
     * by symbol and start, as Polygon orders them. Bars outside the regular session are written as given.
     *
     * @return the file written
     * @throws InvalidValueException if a bar is not a one-minute bar
     */
    public static Path writeMinutes(Path root, LocalDate date, List<Bar> bars) {
        Objects.requireNonNull(bars, "bars");
        List<Bar> sorted = new ArrayList<>(bars);
        sorted.sort(Comparator.comparing(Bar::symbol).thenComparing(Bar::start));
        try (FlatFileWriter w = create(FlatFileLayout.minuteFile(root, date))) {
            for (Bar b : sorted) {
                if (!b.timeframe().equals(Timeframe.ONE_MINUTE)) {
                    throw new InvalidValueException("writeMinutes: bar of " + b.symbol() + " at " + b.start() + " is a "
                            + b.timeframe() + " bar, not a one-minute bar");
                }
                w.write(b.symbol(), b.volume(), b.open().nanos(), b.close().nanos(), b.high().nanos(), b.low().nanos(),
                        EpochNanos.of(b.start()), estimatedTransactions(b.volume()));
            }
            w.commit();
            return w.file();
        }
    }

    /** A gzip stream with a chosen compression level (the JDK's constructor offers only the default). */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {
        LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out, BUFFER);
            def.setLevel(level);
        }
    }
}
