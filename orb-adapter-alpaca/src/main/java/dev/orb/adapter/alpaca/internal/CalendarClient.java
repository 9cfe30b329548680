package dev.orb.adapter.alpaca.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.orb.domain.TradingSession;
import net.jacobpeterson.alpaca.AlpacaAPI;
import net.jacobpeterson.alpaca.model.endpoint.calendar.Calendar;
import net.jacobpeterson.alpaca.model.endpoint.clock.Clock;
import net.jacobpeterson.alpaca.rest.AlpacaClientException;
import dev.orb.ports.MarketDataException;

/**
 * Alpaca's exchange calendar ({@code GET /v2/calendar}), loaded a calendar year per request and cached; and
 * its clock ({@code GET /v2/clock}). A year without a single session means Alpaca has no data for it (its
 * calendar spans 1970–2029) and is reported as a {@link MarketDataException} rather than read as "closed all
 * year". Thread-safe.
 */
public final class CalendarClient {
    private final AlpacaAPI api;
    private final Map<Integer, Map<LocalDate, TradingSession>> years = new ConcurrentHashMap<>();
    private final Object loading = new Object();

    /** Calendar and clock through {@code api}'s broker client. */
    public CalendarClient(AlpacaAPI api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** The session on {@code date}, or empty when the exchange is closed. */
    public Optional<TradingSession> session(LocalDate date) {
        return Optional.ofNullable(year(date.getYear()).get(date));
    }

    /** The market clock as Alpaca reports it. */
    public Clock clock() {
        try {
            Clock c = api.clock().get();
            if (c == null || c.getTimestamp() == null || c.getIsOpen() == null || c.getNextOpen() == null
                    || c.getNextClose() == null) {
                throw new MarketDataException("Alpaca GET /v2/clock: incomplete answer " + c);
            }
            return c;
        } catch (AlpacaClientException | RuntimeException e) {
            if (e instanceof MarketDataException m) {
                throw m;
            }
            throw AlpacaErrors.marketData("GET /v2/clock", e);
        }
    }

    private Map<LocalDate, TradingSession> year(int year) {
        Map<LocalDate, TradingSession> cached = years.get(year);
        if (cached != null) {
            return cached;
        }
        synchronized (loading) {
            return years.computeIfAbsent(year, this::load);
        }
    }

    private Map<LocalDate, TradingSession> load(int year) {
        String action = "GET /v2/calendar " + year;
        Map<LocalDate, TradingSession> sessions = new TreeMap<>();
        try {
            for (Calendar c : api.calendar().get(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
                if (c.getDate() != null && c.getDate().getYear() == year) {
                    sessions.put(c.getDate(), Mappers.session(c));
                }
            }
        } catch (AlpacaClientException | RuntimeException e) {
            throw AlpacaErrors.marketData(action, e);
        }
        if (sessions.isEmpty()) {
            throw new MarketDataException("Alpaca " + action + ": no sessions at all — Alpaca has no calendar for "
                    + year);
        }
        return Map.copyOf(sessions);
    }
}
