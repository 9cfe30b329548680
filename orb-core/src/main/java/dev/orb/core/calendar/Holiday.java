package dev.orb.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;

/**
 * A weekday on which the exchange does not trade at all.
 *
 * @param date the date the exchange is closed (the observed date, e.g. Friday 2026-07-03 for a Saturday July 4)
 * @param name what it is, e.g. {@code "Independence Day (observed)"} or {@code "Hurricane Sandy"}; not blank
 */
public record Holiday(LocalDate date, String name) {
    /** Validates both fields; a blank name raises {@link InvalidValueException}. */
    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new InvalidValueException("Holiday.name: must not be blank (date " + date + ")");
        }
    }
}
