package dev.orb.sim.flatfile;

import java.util.List;
import java.util.Objects;

import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingSession;

/**
 * Everything the flat files hold about one session.
 *
 * @param session   the session, with its close from the calendar
 * @param dailyBars the day-aggregates rows, sorted by symbol
 * @param minutes   the regular-session minute bars
 */
public record SessionData(TradingSession session, List<DailyBar> dailyBars, SessionMinutes minutes) {
    public SessionData {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(minutes, "minutes");
        dailyBars = List.copyOf(Objects.requireNonNull(dailyBars, "dailyBars"));
        if (!minutes.session().equals(session)) {
            throw new InvalidValueException("SessionData.minutes: bars of " + minutes.session().date()
                    + " do not belong to session " + session.date());
        }
    }
}
