package dev.orb.adapter.polygon.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** Reading what a failed response says: Polygon's reason, {@code Retry-After}, and transport errors in disguise. */
final class ErrorResponses {
    private static final int MAX_ERROR_BODY = 4096;

    private ErrorResponses() {
    }

    /**
     * Polygon's {@code error}, {@code message} or {@code status}, else the start of the body (a proxy's HTML page,
     * a cut body), passed through {@code redact}.
     */
    static String reason(ResponseBody body, ObjectMapper json, UnaryOperator<String> redact) {
        if (body == null) {
            return "empty body";
        }
        String text;
        try {
            BufferedSource source = body.source();
            source.request(MAX_ERROR_BODY);
            text = source.getBuffer().readUtf8(Math.min(MAX_ERROR_BODY, source.getBuffer().size()));
        } catch (IOException e) {
            return "body unreadable (" + e.getClass().getSimpleName() + ")";
        }
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.isObject()) {
                for (String field : List.of("error", "message", "status")) {
                    if (node.hasNonNull(field)) {
                        return redact.apply(node.get(field).asText());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // Not JSON: fall through to the raw text.
        }
        String printable = text.replaceAll("\\p{Cntrl}", " ").strip();
        if (printable.isEmpty()) {
            return "empty body";
        }
        return redact.apply(printable.length() > 200 ? printable.substring(0, 200) + "..." : printable);
    }

    /** {@code Retry-After} in seconds or as an HTTP date (measured from {@code now}); null when absent or unreadable. */
    static Duration retryAfter(Response response, Instant now) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /**
     * The I/O failure behind a Jackson exception, if any: Jackson wraps a connection lost in the middle of a body,
     * which is the network's fault (retry), not the JSON's.
     */
    static IOException transportCause(JsonProcessingException e) {
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof IOException io && !(c instanceof JsonProcessingException)) {
                return io;
            }
        }
        return null;
    }
}
