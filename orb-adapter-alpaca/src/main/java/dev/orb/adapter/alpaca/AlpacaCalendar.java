package dev.orb.adapter.alpaca;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.adapter.alpaca.internal.CalendarClient;
import dev.orb.domain.TradingSession;
import dev.orb.ports.MarketDataException;
import dev.orb.ports.TradingCalendar;
import net.jacobpeterson.alpaca.model.endpoint.clock.Clock;

/**
 * Alpaca's exchange calendar ({@code GET /v2/calendar}: holidays absent, early closes at 13:00) and market clock
 * ({@code GET /v2/clock}). Sessions are fetched a calendar year per request and cached; each request counts
 * against the shared request budget.
 *
 * <p>Thread-safe. Failures are {@link MarketDataException}s, including asking for a year Alpaca has no calendar
 * for. Obtain it from {@link AlpacaBroker#calendar()}.
 */
public final class AlpacaCalendar implements TradingCalendar {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaCalendar.class);
    private final Supplier<CalendarClient> client;

    AlpacaCalendar(Supplier<CalendarClient> client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Optional<TradingSession> session(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return client.get().session(date);
    }

    /** Alpaca's clock now: is the market open, next open and close. */
    public MarketClock clock() {
        Clock c = client.get().clock();
        return new MarketClock(c.getTimestamp().toInstant(), c.getIsOpen(), c.getNextOpen().toInstant(),
                c.getNextClose().toInstant());
    }

    /**
     * Compares {@code reference} (orb's built-in NYSE calendar, passed in by the application) with Alpaca's over
     * {@code [from, to]} and logs a warning per mismatch. An empty list means they agree.
     *
     * @see CalendarCrossCheck#compare
     */
    public List<CalendarMismatch> crossCheck(TradingCalendar reference, LocalDate from, LocalDate to) {
        List<CalendarMismatch> mismatches = CalendarCrossCheck.compare(reference, this, from, to);
        for (CalendarMismatch m : mismatches) {
            LOG.warn("calendar mismatch with Alpaca: {}", m.describe());
        }
        if (mismatches.isEmpty()) {
            LOG.info("calendar agrees with Alpaca from {} to {}", from, to);
        }
        return mismatches;
    }

    @Override
    public String toString() {
        return "AlpacaCalendar";
    }
}
