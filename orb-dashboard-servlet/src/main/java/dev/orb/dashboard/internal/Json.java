package dev.orb.dashboard.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON through Jackson, with the dashboard's conventions: money and prices as exact decimal strings
 * ({@code "100250.07"}, never a binary number), instants as ISO-8601 UTC strings, dates as ISO dates, undefined
 * statistics (NaN, infinity) as null. Answers are streamed by a {@link JsonOut} into a per-thread buffer (no tree,
 * no intermediate string). Thread-safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    /** A thread's buffer is kept for its next answer unless an answer grew it beyond this. */
    private static final int KEEP_BUFFER = 256 * 1024;
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(() -> new Buffer(4096));

    private Json() {
    }

    /** Compact JSON text (one line: SSE frames rely on it) of what {@code body} writes. */
    public static String write(Consumer<JsonOut> body) {
        Buffer b = render(body);
        try {
            return new String(b.bytes, 0, b.size, StandardCharsets.UTF_8);
        } finally {
            b.release();
        }
    }

    /**
     * Renders {@code body} as UTF-8 into this thread's buffer, which the caller must {@link Buffer#release()}
     * when done with it.
     */
    static Buffer render(Consumer<JsonOut> body) {
        Buffer b = BUFFERS.get();
        if (b.inUse) {
            // a nested rendering on the same thread (none today) gets a buffer of its own
            b = new Buffer(1024);
        }
        b.inUse = true;
        b.size = 0;
        try (JsonGenerator g = FACTORY.createGenerator((OutputStream) b, JsonEncoding.UTF8)) {
            body.accept(new JsonOut(g));
        } catch (IOException e) {
            b.release();
            throw new UncheckedIOException("writing JSON failed", e);
        } catch (RuntimeException e) {
            b.release();
            throw e;
        }
        return b;
    }

    /** Parses a request body; a malformed body is a bad request. */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the request body is not valid JSON");
        }
    }

    /**
     * The exact plain decimal of {@code value} without trailing zeros past the cent ({@code 118.8} and
     * {@code 118.800000000} both give {@code "118.80"}; {@code 0.8512} stays): nothing is rounded.
     */
    public static String decimal(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return (s.scale() < 2 ? s.setScale(2) : s).toPlainString();
    }

    /**
     * {@code t.toString()} (ISO-8601 UTC, seconds always, the fraction in groups of three digits as needed),
     * written without the formatter machinery for the years 0000–9999 (every answer has several instants).
     */
    public static String instant(Instant t) {
        long s = t.getEpochSecond();
        if (s < FIRST_SECOND_OF_YEAR_0 || s > LAST_SECOND_OF_YEAR_9999) {
            return t.toString();
        }
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(s, 86_400L));
        int sod = (int) Math.floorMod(s, 86_400L);
        char[] c = new char[30];
        int n = digits(c, 0, d.getYear(), 4);
        c[n++] = '-';
        n = digits(c, n, d.getMonthValue(), 2);
        c[n++] = '-';
        n = digits(c, n, d.getDayOfMonth(), 2);
        c[n++] = 'T';
        n = digits(c, n, sod / 3600, 2);
        c[n++] = ':';
        n = digits(c, n, sod / 60 % 60, 2);
        c[n++] = ':';
        n = digits(c, n, sod % 60, 2);
        int nano = t.getNano();
        if (nano > 0) {
            c[n++] = '.';
            if (nano % 1_000_000 == 0) {
                n = digits(c, n, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                n = digits(c, n, nano / 1000, 6);
            } else {
                n = digits(c, n, nano, 9);
            }
        }
        c[n++] = 'Z';
        return new String(c, 0, n);
    }

    private static final long FIRST_SECOND_OF_YEAR_0 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long LAST_SECOND_OF_YEAR_9999 = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400L + 86_399L;

    /** Writes {@code value} (≥ 0) as exactly {@code width} decimal digits at {@code at}; returns the next index. */
    private static int digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /** A growable byte buffer, reused by its thread from one answer to the next. */
    static final class Buffer extends OutputStream {
        private byte[] bytes;
        private int size;
        private boolean inUse;

        private Buffer(int capacity) {
            this.bytes = new byte[capacity];
        }

        byte[] array() {
            return bytes;
        }

        int size() {
            return size;
        }

        /** A copy of the content. */
        byte[] copy() {
            return Arrays.copyOf(bytes, size);
        }

        /** Hands the buffer back to its thread (dropped when it grew too large to keep). */
        void release() {
            inUse = false;
            if (bytes.length > KEEP_BUFFER && BUFFERS.get() == this) {
                BUFFERS.remove();
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
