package dev.orb.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * One regular trading session.
 *
 * @param date  the session date
 * @param open  regular open (09:30 New York)
 * @param close regular close (16:00, or 13:00 on an early close), after {@code open}
 */
public record TradingSession(LocalDate date, ZonedDateTime open, ZonedDateTime close) {
    public TradingSession {
        Require.nonNull(date, "TradingSession.date");
        Require.nonNull(open, "TradingSession.open");
        Require.nonNull(close, "TradingSession.close");
        open = open.withZoneSameInstant(MarketTime.NEW_YORK);
        close = close.withZoneSameInstant(MarketTime.NEW_YORK);
        if (!(open.toLocalDate().equals(date) && close.toLocalDate().equals(date))) {
            throw new InvalidValueException("TradingSession: open " + open + " and close " + close + " must fall on " + date);
        }
        if (!(open.isBefore(close))) {
            throw new InvalidValueException("TradingSession.close: " + close + " must be after open " + open);
        }
    }

    /** The session on {@code date} between two New York wall-clock times. */
    public static TradingSession of(LocalDate date, LocalTime open, LocalTime close) {
        return new TradingSession(date, ZonedDateTime.of(date, open, MarketTime.NEW_YORK),
                ZonedDateTime.of(date, close, MarketTime.NEW_YORK));
    }

    /** A regular 09:30–16:00 session. */
    public static TradingSession regular(LocalDate date) {
        return of(date, MarketTime.REGULAR_OPEN, MarketTime.REGULAR_CLOSE);
    }

    /** True when the session closes before 16:00. */
    public boolean isEarlyClose() {
        return close.toLocalTime().isBefore(MarketTime.REGULAR_CLOSE);
    }

    /** The instant of a New York wall-clock time on this session's date. */
    public Instant at(LocalTime time) {
        return ZonedDateTime.of(date, time, MarketTime.NEW_YORK).toInstant();
    }

    public Instant openInstant() {
        return open.toInstant();
    }

    public Instant closeInstant() {
        return close.toInstant();
    }
}
