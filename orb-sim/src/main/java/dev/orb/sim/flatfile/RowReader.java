package dev.orb.sim.flatfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;

/**
 * Reads the rows of one gzip flat file, validating every line: the header, eight columns, a valid ticker,
 * exact numbers ({@link Decimals}) and the row rules ({@link RowRules}). Any problem is a
 * {@link FlatFileException} naming the file and the 1-based line.
 *
 * <p>Works on bytes in one large buffer that is refilled from the inflater: a row is parsed in place, and
 * the only allocation per row happens when the ticker differs from the previous row's and has not been seen
 * in this file. Tickers get dense ids in order of first appearance. Not thread-safe; one instance per file.
 */
final class RowReader implements AutoCloseable {
    private static final byte[] HEADER = FlatFileLayout.HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 1 << 20;
    private static final int INFLATER_INPUT = 1 << 16;
    /** Longest accepted line; a complete line is always in the buffer before it is parsed. */
    static final int MAX_LINE = 4096;
    private static final int COLUMNS = 8;

    private final Path file;
    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private IOException broken;
    private long line;
    private final int[] commas = new int[COLUMNS - 1];

    private final byte[] lastTicker = new byte[Symbol.MAX_LENGTH];
    private int lastTickerLength = -1;
    private int lastId = -1;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<Symbol> symbols = new ArrayList<>();

    /** Ticker id of the current row (index into {@link #symbols()}). */
    int symbolId;
    long volume;
    long open;
    long close;
    long high;
    long low;
    long windowStart;
    long transactions;

    private RowReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /**
     * Opens {@code file} and checks its header.
     *
     * @throws FlatFileException if the file is missing, not gzip, or its first line is not the header
     */
    static RowReader open(Path file) {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new FlatFileException(file + ": file not found", e);
        } catch (IOException e) {
            throw new FlatFileException(file + ": cannot open: " + e.getMessage(), e);
        }
        InputStream gzip;
        try {
            gzip = new GZIPInputStream(raw, INFLATER_INPUT);
        } catch (IOException e) {
            closeQuietly(raw);
            String why = e instanceof ZipException ? "not a gzip file (" + e.getMessage() + ")"
                    : "truncated or unreadable gzip header (" + e + ")";
            throw FlatFileException.at(file, 1, why, e);
        }
        RowReader reader = new RowReader(file, gzip);
        try {
            reader.readHeader();
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /** The file being read. */
    Path file() {
        return file;
    }

    /** 1-based number of the line last read (the header is line 1). */
    long line() {
        return line;
    }

    /** The distinct tickers seen so far, by id. */
    List<Symbol> symbols() {
        return symbols;
    }

    /** Symbol of the current row. */
    Symbol symbol() {
        return symbols.get(symbolId);
    }

    /** A problem on the current line. */
    FlatFileException error(String problem) {
        return FlatFileException.at(file, line, problem);
    }

    /**
     * Advances to the next row and parses it into the fields of this reader.
     *
     * @return false at the end of the file
     * @throws FlatFileException on a malformed line or a truncated or corrupt file
     */
    boolean next() {
        int end = lineEnd();
        if (end < 0) {
            return false;
        }
        line++;
        int start = pos;
        pos = end < limit ? end + 1 : end;
        if (end > start && buf[end - 1] == '\r') {
            end--;
        }
        if (end == start) {
            throw error("empty line");
        }
        int found = 0;
        for (int i = start; i < end; i++) {
            if (buf[i] == ',') {
                if (found < commas.length) {
                    commas[found] = i;
                }
                found++;
            }
        }
        if (found != commas.length) {
            throw error("expected " + COLUMNS + " columns (" + FlatFileLayout.HEADER + "), found " + (found + 1));
        }
        try {
            symbolId = resolveTicker(start, commas[0]);
            volume = Decimals.parseWhole(buf, commas[0] + 1, commas[1], "volume");
            open = Decimals.parseNanos(buf, commas[1] + 1, commas[2], "open");
            close = Decimals.parseNanos(buf, commas[2] + 1, commas[3], "close");
            high = Decimals.parseNanos(buf, commas[3] + 1, commas[4], "high");
            low = Decimals.parseNanos(buf, commas[4] + 1, commas[5], "low");
            windowStart = Decimals.parseWhole(buf, commas[5] + 1, commas[6], "window_start");
            transactions = Decimals.parseWhole(buf, commas[6] + 1, end, "transactions");
        } catch (MalformedField e) {
            throw error(e.getMessage());
        }
        String problem = RowRules.problem(volume, open, close, high, low, windowStart, transactions);
        if (problem != null) {
            throw error(problem);
        }
        return true;
    }

    private int resolveTicker(int from, int to) {
        int length = to - from;
        if (length == lastTickerLength && Arrays.equals(buf, from, to, lastTicker, 0, length)) {
            return lastId;
        }
        String text = new String(buf, from, length, StandardCharsets.ISO_8859_1);
        Integer id = ids.get(text);
        if (id == null) {
            Symbol symbol;
            try {
                symbol = Symbol.of(text);
            } catch (InvalidValueException e) {
                throw new MalformedField("ticker " + Decimals.quote(buf, from, to) + " is not a valid ticker");
            }
            id = symbols.size();
            symbols.add(symbol);
            ids.put(text, id);
        }
        // Valid tickers are at most MAX_LENGTH bytes, so they fit the cache.
        System.arraycopy(buf, from, lastTicker, 0, length);
        lastTickerLength = length;
        lastId = id;
        return id;
    }

    private void readHeader() {
        int end = lineEnd();
        line = 1;
        if (end < 0) {
            throw error("empty file, expected the header '" + FlatFileLayout.HEADER + "'");
        }
        int start = pos;
        pos = end < limit ? end + 1 : end;
        if (end - start >= 3 && (buf[start] & 0xff) == 0xEF && (buf[start + 1] & 0xff) == 0xBB
                && (buf[start + 2] & 0xff) == 0xBF) {
            start += 3;
        }
        if (end > start && buf[end - 1] == '\r') {
            end--;
        }
        if (!Arrays.equals(buf, start, end, HEADER, 0, HEADER.length)) {
            throw error("header " + Decimals.quote(buf, start, end, 120) + " is not '" + FlatFileLayout.HEADER + "'");
        }
    }

    /**
     * The index of the end of the next line (its '\n', or the end of data for a last line without one), or −1
     * at the end of the file. Refills the buffer so that a whole line of up to {@link #MAX_LINE} bytes is in it.
     */
    private int lineEnd() {
        if (!eof && limit - pos < MAX_LINE) {
            fill();
        }
        if (pos >= limit) {
            if (broken != null) {
                throw truncated();
            }
            return -1;
        }
        int scanEnd = Math.min(limit, pos + MAX_LINE);
        for (int i = pos; i < scanEnd; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        if (broken != null) {
            throw truncated();
        }
        if (eof && limit - pos <= MAX_LINE) {
            return limit;
        }
        line++;
        throw error("line longer than " + MAX_LINE + " bytes");
    }

    private FlatFileException truncated() {
        return FlatFileException.at(file, line + 1, "truncated or corrupt gzip data (" + broken + ")", broken);
    }

    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        try {
            while (limit < buf.length) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                    return;
                }
                limit += n;
            }
        } catch (IOException e) {
            // Rows already inflated are still delivered; the error surfaces at the line where data ran out.
            broken = e;
            eof = true;
        }
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // Reading is over; a failure to release the file changes no result.
        }
    }
}
