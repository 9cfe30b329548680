package dev.orb.ports.query;

import java.time.Instant;

import dev.orb.domain.InvalidValueException;

/**
 * Which log lines to list. Every criterion is optional: a null component matches every line.
 *
 * @param minLevel  only lines at least this severe, or null; a line whose level is not a known name counts as
 *                  INFO
 * @param component only lines whose component is this name or below it in the logger hierarchy
 *                  ({@code dev.orb.core} matches {@code dev.orb.core} and {@code dev.orb.core.session.X}), or
 *                  null; a blank value is treated as null
 * @param text      only lines whose message contains this text, ignoring case (a plain substring: {@code %} and
 *                  {@code _} have no special meaning), or null; a blank value is treated as null
 * @param after     only lines logged strictly after this instant, or null
 * @param before    only lines logged strictly before this instant, or null; after {@code after}
 */
public record LogFilter(LogLevel minLevel, String component, String text, Instant after, Instant before) {
    public LogFilter {
        component = component == null || component.isBlank() ? null : component.trim();
        text = text == null || text.isBlank() ? null : text;
        if (after != null && before != null && !before.isAfter(after)) {
            throw new InvalidValueException("LogFilter.before: " + before + " must be after " + after);
        }
    }

    /** Every log line. */
    public static LogFilter all() {
        return new LogFilter(null, null, null, null, null);
    }

    public LogFilter withMinLevel(LogLevel level) {
        return new LogFilter(level, component, text, after, before);
    }

    public LogFilter withComponent(String newComponent) {
        return new LogFilter(minLevel, newComponent, text, after, before);
    }

    public LogFilter withText(String newText) {
        return new LogFilter(minLevel, component, newText, after, before);
    }

    /** Lines logged strictly between the two instants; either may be null. */
    public LogFilter between(Instant newAfter, Instant newBefore) {
        return new LogFilter(minLevel, component, text, newAfter, newBefore);
    }
}
