package dev.orb.ports.query;

import java.util.Locale;
import java.util.Optional;

/** Log severities, least severe first; {@link #compareTo} orders them. */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR;

    /**
     * The level named by a logging backend, case-insensitive; also maps the usual synonyms of other
     * backends ({@code WARNING}, {@code SEVERE}, {@code FATAL}, {@code FINE}, …). Empty when unknown.
     */
    public static Optional<LogLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "FINEST", "FINER", "ALL" -> Optional.of(TRACE);
            case "DEBUG", "FINE", "CONFIG" -> Optional.of(DEBUG);
            case "INFO", "INFORMATION", "NOTICE" -> Optional.of(INFO);
            case "WARN", "WARNING" -> Optional.of(WARN);
            case "ERROR", "SEVERE", "FATAL", "CRITICAL" -> Optional.of(ERROR);
            default -> Optional.empty();
        };
    }
}
