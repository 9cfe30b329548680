package dev.orb.dashboard.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.orb.domain.Price;

/**
 * Writes JSON as it goes, through a Jackson {@link JsonGenerator}, with the dashboard's conventions (see
 * {@link Json}): no tree is built, so an answer costs its bytes and little else. Fields are written in call order;
 * a {@code null} value is written as JSON {@code null}. Used by one thread; obtained from {@link Json#write} or
 * {@link Exchange#json}.
 */
public final class JsonOut {
    private final JsonGenerator g;

    JsonOut(JsonGenerator g) {
        this.g = g;
    }

    /** Starts an object where a value is expected (top level, array element, after {@link #field}). */
    public JsonOut startObject() {
        try {
            g.writeStartObject();
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    /** Starts an object as the value of {@code field}. */
    public JsonOut startObject(String field) {
        return field(field).startObject();
    }

    public JsonOut endObject() {
        try {
            g.writeEndObject();
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    /** Starts an array as the value of {@code field}. */
    public JsonOut startArray(String field) {
        field(field);
        try {
            g.writeStartArray();
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    public JsonOut endArray() {
        try {
            g.writeEndArray();
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    /** Writes a field name; the next call writes its value (an object, an array, or a view). */
    public JsonOut field(String name) {
        try {
            g.writeFieldName(name);
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    public JsonOut string(String field, String value) {
        try {
            if (value == null) {
                g.writeNullField(field);
            } else {
                g.writeStringField(field, value);
            }
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    public JsonOut number(String field, long value) {
        try {
            g.writeNumberField(field, value);
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    public JsonOut number(String field, int value) {
        try {
            g.writeNumberField(field, value);
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    public JsonOut bool(String field, boolean value) {
        try {
            g.writeBooleanField(field, value);
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    public JsonOut nullField(String field) {
        try {
            g.writeNullField(field);
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    /** An exact amount as a decimal string ({@link Json#decimal}). */
    public JsonOut money(String field, BigDecimal value) {
        return string(field, value == null ? null : Json.decimal(value));
    }

    /** A price as its exact decimal string. */
    public JsonOut price(String field, Price value) {
        return string(field, value == null ? null : value.toString());
    }

    /** An instant as ISO-8601 UTC. */
    public JsonOut time(String field, Instant value) {
        return string(field, value == null ? null : Json.instant(value));
    }

    /** A date as an ISO date. */
    public JsonOut date(String field, LocalDate value) {
        return string(field, value == null ? null : value.toString());
    }

    /** A statistic; an undefined one (NaN, infinity) is null. */
    public JsonOut stat(String field, double value) {
        try {
            if (Double.isFinite(value)) {
                g.writeNumberField(field, value);
            } else {
                g.writeNullField(field);
            }
        } catch (IOException e) {
            throw fail(e);
        }
        return this;
    }

    /** A duration in milliseconds, or null when absent. */
    public JsonOut millis(String field, OptionalLong value) {
        return value.isPresent() ? number(field, value.getAsLong()) : nullField(field);
    }

    private static UncheckedIOException fail(IOException e) {
        // the generator writes to memory: an I/O error here is a bug, not a condition to handle
        return new UncheckedIOException("writing JSON failed", e);
    }
}
