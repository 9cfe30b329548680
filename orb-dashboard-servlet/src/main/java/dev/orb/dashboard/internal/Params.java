package dev.orb.dashboard.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Symbol;
import dev.orb.ports.query.LogLevel;

/**
 * Request parameters read into domain values; a value that does not parse is a 400 whose message names the
 * parameter (the value itself is echoed only in JSON or escaped HTML).
 */
public final class Params {
    private Params() {
    }

    public static LocalDate date(Exchange x, String name, LocalDate fallback) {
        String v = x.param(name);
        if (v == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + ": '" + v + "' is not a date (yyyy-mm-dd)");
        }
    }

    public static Symbol symbol(Exchange x, String name) {
        String v = x.param(name);
        if (v == null) {
            return null;
        }
        try {
            return Symbol.of(v);
        } catch (InvalidValueException e) {
            throw ApiError.badRequest(name + ": not a ticker (1-10 letters, digits, '.', '-', '/')");
        }
    }

    public static Direction direction(Exchange x, String name) {
        return enumValue(x, name, Direction.class);
    }

    public static LogLevel level(Exchange x, String name) {
        String v = x.param(name);
        if (v == null) {
            return null;
        }
        return LogLevel.parse(v).orElseThrow(() -> ApiError.badRequest(name + ": not a log level (TRACE, DEBUG, "
                + "INFO, WARN, ERROR)"));
    }

    public static <E extends Enum<E>> E enumValue(Exchange x, String name, Class<E> type) {
        String v = x.param(name);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name());
        }
        throw ApiError.badRequest(name + ": must be one of " + allowed);
    }

    public static int integer(Exchange x, String name, int fallback, int min, int max) {
        String v = x.param(name);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw ApiError.badRequest(name + ": " + i + " must be in " + min + ".." + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + ": not a whole number");
        }
    }

    /** An instant, as ISO-8601 with an offset or as a New York local date-time ({@code 2024-03-12T09:35}). */
    public static Instant instant(Exchange x, String name) {
        String v = x.param(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).atZone(MarketTime.NEW_YORK).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiError.badRequest(name + ": not a time (ISO-8601, or yyyy-mm-ddThh:mm in New York)");
            }
        }
    }

    public static boolean bool(Exchange x, String name) {
        String v = x.param(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("on") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }

    /** A required free text, at most {@code max} characters. */
    public static String text(Exchange x, String name, int max) {
        String v = x.param(name);
        if (v == null) {
            throw ApiError.badRequest(name + ": required");
        }
        if (v.length() > max) {
            throw ApiError.badRequest(name + ": at most " + max + " characters");
        }
        return v;
    }
}
