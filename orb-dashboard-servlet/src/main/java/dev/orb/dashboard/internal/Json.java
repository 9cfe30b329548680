package dev.orb.dashboard.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orb.domain.Price;

/**
 * JSON through Jackson, with the dashboard's conventions: money and prices as exact decimal strings
 * ({@code "100250.07"}, never a binary number), instants as ISO-8601 UTC strings, dates as ISO dates, undefined
 * statistics (NaN, infinity) as null. Thread-safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Compact JSON text (one line: SSE frames rely on it). */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
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

    /** An exact amount as a decimal string, the same whatever scale the store kept: {@link #decimal}. */
    public static void money(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, decimal(value));
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

    public static void price(ObjectNode node, String field, Price value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }

    public static void time(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }

    public static void date(ObjectNode node, String field, LocalDate value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }

    public static void stat(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
