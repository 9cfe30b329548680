package dev.orb.core.strategy;

import java.time.Instant;
import java.util.Objects;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.TradingSession;

/**
 * The times of a session the strategy acts on (strategy.md §6, §8), from the session's own open and close, so an
 * early close (13:00) and daylight saving are handled by the calendar, never by a hard-coded 16:00.
 * Stateless and thread-safe.
 */
public final class SessionSchedule {
    private SessionSchedule() {
    }

    /** The end of the opening range, when the scan runs: open + {@code or.minutes} (09:35 by default). */
    public static Instant scanTime(TradingSession session, OrbConfig config) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(config, "config");
        return session.openInstant().plusSeconds(60L * config.openingRangeMinutes());
    }

    /**
     * End of day: close − {@code eod.minutesBeforeClose}, when unfilled entries are cancelled and positions closed
     * (15:55 on a normal day, 12:55 on an early close).
     */
    public static Instant eodTime(TradingSession session, OrbConfig config) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(config, "config");
        return session.closeInstant().minusSeconds(60L * config.eodMinutesBeforeClose());
    }

    /**
     * The end (exclusive) of the window in which new entries may be sent: {@link #scanTime} +
     * {@code scan.maxDelayMinutes}, but never after {@link #eodTime}.
     */
    public static Instant latestEntryTime(TradingSession session, OrbConfig config) {
        Instant byDelay = scanTime(session, config).plusSeconds(60L * config.scanMaxDelayMinutes());
        Instant eod = eodTime(session, config);
        return byDelay.isAfter(eod) ? eod : byDelay;
    }
}
