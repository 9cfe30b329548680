package dev.orb.sim.fill;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingSession;

/**
 * The minute bars that can fill in one session: those that start in {@code [ordersFrom, eod)}.
 * {@code ordersFrom} is the end of the opening-range window (09:35 for a 5-minute range), when the entries
 * go out; {@code eod} is the session close minus the end-of-day lead (15:55, or 12:55 on an early close).
 *
 * @param date       the session date
 * @param ordersFrom first bar start that can fill
 * @param eod        end of day: no bar starting at or after it is used
 */
public record FillWindow(LocalDate date, Instant ordersFrom, Instant eod) {
    public FillWindow {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(ordersFrom, "ordersFrom");
        Objects.requireNonNull(eod, "eod");
        if (!ordersFrom.isBefore(eod)) {
            throw new InvalidValueException("FillWindow.eod: " + eod + " must be after ordersFrom " + ordersFrom
                    + " (" + date + ")");
        }
    }

    /**
     * The window of {@code session} for an opening range of {@code openingRangeMinutes} and an end of day
     * {@code eodMinutesBeforeClose} before the close. Instants come from the session's New York times, so
     * daylight-saving days are right.
     */
    public static FillWindow of(TradingSession session, int openingRangeMinutes, int eodMinutesBeforeClose) {
        Objects.requireNonNull(session, "session");
        if (openingRangeMinutes < 1) {
            throw new InvalidValueException("FillWindow.openingRangeMinutes: " + openingRangeMinutes + " must be at least 1");
        }
        if (eodMinutesBeforeClose < 0) {
            throw new InvalidValueException("FillWindow.eodMinutesBeforeClose: " + eodMinutesBeforeClose
                    + " must not be negative");
        }
        return new FillWindow(session.date(), session.openInstant().plus(Duration.ofMinutes(openingRangeMinutes)),
                session.closeInstant().minus(Duration.ofMinutes(eodMinutesBeforeClose)));
    }

    /** The window with the defaults of strategy.md: a 5-minute opening range and end of day 5 minutes before the close. */
    public static FillWindow standard(TradingSession session) {
        return of(session, OrbConfig.DEFAULT_OR_MINUTES, OrbConfig.DEFAULT_EOD_MINUTES_BEFORE_CLOSE);
    }
}
