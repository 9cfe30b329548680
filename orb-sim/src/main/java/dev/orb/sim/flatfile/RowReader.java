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
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;

/**
 * Reads the rows of one gzip flat file, validating every line: the header, eight columns, a valid ticker,
 * exact numbers ({@link Decimals}) and the row rules ({@link RowRules}). Any problem is a
 * {@link FlatFileException} naming the file and the 1-based line.
 *
 * <p>Works on bytes in one large buffer that is refilled from the inflater: a row is parsed in place, in one
 * pass for the common syntax ({@link #parseFast}) and by the general {@link Decimals} parser otherwise; nothing
 * is allocated per row unless the ticker differs from the previous row's and has not been seen in this file.
 * Tickers get dense ids in order of first appearance. Not thread-safe; one instance per file.
 */
final class RowReader implements AutoCloseable {
    private static final byte[] HEADER = FlatFileLayout.HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 1 << 20;
    private static final int INFLATER_INPUT = 1 << 16;
    /** Longest accepted line; a complete line is always in the buffer before it is parsed. */
    static final int MAX_LINE = 4096;
    private static final int COLUMNS = 8;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    private final Path file;
    private final InputStream in;
    /** Off only in tests that check the two parsers agree. */
    private final boolean fastPath;
    /** The data, one byte for the sentinel and room for an eight-byte read just past it. */
    private final byte[] buf = new byte[BUFFER + 1 + 2 * Long.BYTES];
    private int pos;
    private int limit;
    private boolean eof;
    private IOException broken;
    private long line;
    private final int[] commas = new int[COLUMNS - 1];
    /** Where the last fast-path field parser stopped (after its terminator). */
    private int cursor;

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

    private RowReader(Path file, InputStream in, boolean fastPath) {
        this.file = file;
        this.in = in;
        this.fastPath = fastPath;
    }

    /**
     * Opens {@code file} and checks its header.
     *
     * @throws FlatFileException if the file is missing, not gzip, or its first line is not the header
     */
    static RowReader open(Path file) {
        return open(file, true);
    }

    /** {@link #open(Path)}, optionally with the general parser only (for tests). */
    static RowReader open(Path file, boolean fastPath) {
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
        RowReader reader = new RowReader(file, gzip, fastPath);
        try {
            reader.readHeader();
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
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
        if (!eof && limit - pos < MAX_LINE) {
            fill();
        }
        if (pos >= limit) {
            if (broken != null) {
                throw truncated(line + 1);
            }
            return false;
        }
        line++;
        try {
            if (!fastPath || !parseFast(pos)) {
                parseGeneral(pos);
            }
        } catch (MalformedField e) {
            throw error(e.getMessage());
        }
        String problem = RowRules.problem(volume, open, close, high, low, windowStart, transactions);
        if (problem != null) {
            throw error(problem);
        }
        return true;
    }

    /**
     * The common case in one pass over the bytes: plain digits with an optional decimal point, commas exactly
     * where the header puts them. Returns false, having changed nothing but the ticker cache, for anything else
     * (signs, exponents, overlong numbers, a wrong column count, a line without its newline), which
     * {@link #parseGeneral} then accepts or reports. Both give the same values for what both accept.
     */
    private boolean parseFast(int start) {
        byte[] b = buf;
        int p = start;
        byte c;
        while ((c = b[p]) != ',' && c != '\n') {
            p++;
        }
        if (c != ',' || p == start || p - start > Symbol.MAX_LENGTH) {
            return false;
        }
        int id = tickerId(start, p);
        if (id < 0) {
            return false;
        }
        long v = fastWhole(p + 1, ',');
        if (v < 0) {
            return false;
        }
        long o = fastNanos(cursor, ',');
        if (o < 0) {
            return false;
        }
        long cl = fastNanos(cursor, ',');
        if (cl < 0) {
            return false;
        }
        long h = fastNanos(cursor, ',');
        if (h < 0) {
            return false;
        }
        long l = fastNanos(cursor, ',');
        if (l < 0) {
            return false;
        }
        long ws = fastWhole(cursor, ',');
        if (ws < 0) {
            return false;
        }
        long tx = fastWhole(cursor, '\n');
        if (tx < 0) {
            return false;
        }
        int newline = cursor - 1;
        if (newline == limit && (!eof || broken != null)) {
            // Only the sentinel ended the line: it is too long or cut off; the general path says which.
            return false;
        }
        pos = Math.min(cursor, limit);
        symbolId = id;
        volume = v;
        open = o;
        close = cl;
        high = h;
        low = l;
        windowStart = ws;
        transactions = tx;
        return true;
    }

    /**
     * {@code [0-9]+(.[0-9]*)?} or {@code .[0-9]+} followed by {@code terminator}, as nano units; −1 when the text
     * is anything else or could exceed the range. Sets {@link #cursor} after the terminator. A digit at a time:
     * prices are short, and block reads ({@link Swar}) measured slower here than this loop.
     */
    private long fastNanos(int from, char terminator) {
        byte[] b = buf;
        int p = from;
        long whole = 0;
        byte c;
        while ((c = b[p]) >= '0' && c <= '9') {
            whole = whole * 10 + (c - '0');
            p++;
        }
        int wholeDigits = p - from;
        long fraction = 0;
        int fractionDigits = 0;
        if (c == '.') {
            int fractionStart = ++p;
            while ((c = b[p]) >= '0' && c <= '9') {
                fraction = fraction * 10 + (c - '0');
                p++;
            }
            fractionDigits = p - fractionStart;
        }
        if (c != terminator || wholeDigits > 10 || whole > Decimals.MAX_WHOLE || fractionDigits > Price.SCALE
                || wholeDigits + fractionDigits == 0) {
            return -1;
        }
        cursor = p + 1;
        return whole * Price.NANOS_PER_DOLLAR + fraction * POW10[Price.SCALE - fractionDigits];
    }

    /**
     * {@code [0-9]{1,19}} followed by {@code terminator} (a CR before a newline terminator is skipped), when it
     * fits a long; −1 otherwise. Sets {@link #cursor} after the terminator. Timestamps have 19 digits: two blocks
     * of eight, then the rest one by one.
     */
    private long fastWhole(int from, char terminator) {
        byte[] b = buf;
        int p = from;
        long value;
        long block = Swar.load(b, p);
        int digits = Swar.leadingDigits(block);
        if (digits < 8) {
            value = Swar.value(block, digits);
            p += digits;
        } else {
            value = Swar.eightDigits(block);
            p += 8;
            block = Swar.load(b, p);
            digits = Swar.leadingDigits(block);
            if (digits < 8) {
                value = value * POW10[digits] + Swar.value(block, digits);
                p += digits;
            } else {
                value = value * 100_000_000L + Swar.eightDigits(block);
                p += 8;
                byte c;
                while ((c = b[p]) >= '0' && c <= '9') {
                    value = value * 10 + (c - '0');
                    p++;
                }
            }
        }
        digits = p - from;
        byte c = b[p];
        if (c == '\r' && terminator == '\n' && b[p + 1] == '\n') {
            c = b[++p];
        }
        // Nineteen digits never wrap an unsigned 64-bit value, so a negative result means "above Long.MAX_VALUE".
        if (c != terminator || digits == 0 || digits > 19 || value < 0) {
            return -1;
        }
        cursor = p + 1;
        return value;
    }

    /** Any line: finds its end, counts its columns and parses each with {@link Decimals}, reporting what is wrong. */
    private void parseGeneral(int start) {
        int end = start;
        while (buf[end] != '\n') {
            end++;
        }
        if (end == limit) {
            if (broken != null) {
                throw truncated(line);
            }
            if (!eof) {
                throw error("line longer than " + MAX_LINE + " bytes");
            }
            pos = limit;
        } else {
            pos = end + 1;
        }
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
        symbolId = resolveTicker(start, commas[0]);
        volume = Decimals.parseWhole(buf, commas[0] + 1, commas[1], "volume");
        open = Decimals.parseNanos(buf, commas[1] + 1, commas[2], "open");
        close = Decimals.parseNanos(buf, commas[2] + 1, commas[3], "close");
        high = Decimals.parseNanos(buf, commas[3] + 1, commas[4], "high");
        low = Decimals.parseNanos(buf, commas[4] + 1, commas[5], "low");
        windowStart = Decimals.parseWhole(buf, commas[5] + 1, commas[6], "window_start");
        transactions = Decimals.parseWhole(buf, commas[6] + 1, end, "transactions");
    }

    private int resolveTicker(int from, int to) {
        int id = tickerId(from, to);
        if (id < 0) {
            throw new MalformedField("ticker " + Decimals.quote(buf, from, to) + " is not a valid ticker");
        }
        return id;
    }

    /** The id of the ticker in {@code buf[from, to)}, or −1 when it is not a valid ticker. */
    private int tickerId(int from, int to) {
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
                return -1;
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
        fill();
        line = 1;
        if (pos >= limit) {
            if (broken != null) {
                throw truncated(1);
            }
            throw error("empty file, expected the header '" + FlatFileLayout.HEADER + "'");
        }
        int start = pos;
        int end = start;
        while (buf[end] != '\n') {
            end++;
        }
        if (end == limit && broken != null) {
            throw truncated(1);
        }
        pos = Math.min(end + 1, limit);
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

    private FlatFileException truncated(long atLine) {
        return FlatFileException.at(file, atLine, "truncated or corrupt gzip data (" + broken + ")", broken);
    }

    /**
     * Moves the unread bytes to the front and inflates until the buffer is full or the data ends, then puts the
     * '\n' sentinel after the data: every scan for a line end stops there at the latest.
     */
    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        try {
            while (limit < BUFFER) {
                int n = in.read(buf, limit, BUFFER - limit);
                if (n < 0) {
                    eof = true;
                    break;
                }
                limit += n;
            }
        } catch (IOException e) {
            // Rows already inflated are still delivered; the error surfaces at the line where data ran out.
            broken = e;
            eof = true;
        }
        buf[limit] = '\n';
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
