package dev.orb.app.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import dev.orb.ports.MarketData;
import dev.orb.ports.OrbClock;
import dev.orb.ports.TradingCalendar;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.flatfile.SessionMinutes;

/**
 * {@link MarketData} over a directory of Polygon-layout flat files, as a vendor would serve them at the clock's
 * time: a session's daily bars only once it has closed, and a minute bar only once its minute has ended. This is
 * what lets the nightly sync and the scan run unchanged over a replayed market.
 *
 * <p>Only one-minute intraday bars exist in flat files; other timeframes are refused. Thread-safe: the last few
 * sessions' minutes are cached under a lock.
 */
public final class FlatFileMarketData implements MarketData {
    private static final int CACHED_SESSIONS = 4;

    private final FlatFileDataset dataset;
    private final TradingCalendar calendar;
    private final OrbClock clock;
    private final Set<LocalDate> dates;
    private final Map<LocalDate, SessionMinutes> minutes = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, SessionMinutes> eldest) {
            return size() > CACHED_SESSIONS;
        }
    };

    /**
     * @param dataset  the flat files
     * @param calendar the sessions' open and close
     * @param clock    "now": nothing after it is served
     */
    public FlatFileMarketData(FlatFileDataset dataset, TradingCalendar calendar, OrbClock clock) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dates = new HashSet<>(dataset.sessions());
    }

    /** The session's daily bars, or none when the dataset lacks the date or the session has not closed yet. */
    @Override
    public List<DailyBar> dailyBarsOfMarket(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!published(date)) {
            return List.of();
        }
        return dataset.readDaily(date);
    }

    /** One symbol's published daily bars of {@code [from, to]}, in date order. */
    @Override
    public List<DailyBar> dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        Objects.requireNonNull(symbol, "symbol");
        List<DailyBar> out = new ArrayList<>();
        for (LocalDate d : dataset.sessions(from, to)) {
            if (published(d)) {
                for (DailyBar b : dataset.readDaily(d)) {
                    if (b.symbol().equals(symbol)) {
                        out.add(b);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The one-minute bars of {@code symbols} starting in {@code [from, to)} whose minute has ended by the clock's
     * now; symbols without any such bar are absent from the map.
     *
     * @throws InvalidValueException for a timeframe other than one minute
     */
    @Override
    public Map<Symbol, List<Bar>> intradayBars(Collection<Symbol> symbols, Timeframe timeframe, Instant from,
                                               Instant to) {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!Timeframe.ONE_MINUTE.equals(timeframe)) {
            throw new InvalidValueException("FlatFileMarketData.timeframe: " + timeframe
                    + " is not served; flat files hold one-minute bars only");
        }
        Instant now = clock.now();
        Map<Symbol, List<Bar>> out = new TreeMap<>();
        LocalDate last = to.atZone(MarketTime.NEW_YORK).toLocalDate();
        for (LocalDate d = from.atZone(MarketTime.NEW_YORK).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (!dates.contains(d)) {
                continue;
            }
            SessionMinutes day = minutes(d);
            for (Symbol s : symbols) {
                for (Bar b : day.bars(s)) {
                    Instant end = b.start().plus(Timeframe.ONE_MINUTE.duration());
                    if (!b.start().isBefore(from) && b.start().isBefore(to) && !end.isAfter(now)) {
                        out.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
                    }
                }
            }
        }
        return out;
    }

    /** The minutes of session {@code date} (cached), for the replay's broker feed. */
    public SessionMinutes minutes(LocalDate date) {
        synchronized (minutes) {
            SessionMinutes m = minutes.get(date);
            if (m == null) {
                TradingSession session = calendar.session(date).orElseThrow(() -> new InvalidValueException(
                        "FlatFileMarketData.date: " + date + " is not a session of the calendar"));
                m = dataset.readMinutes(session);
                minutes.put(date, m);
            }
            return m;
        }
    }

    private boolean published(LocalDate date) {
        if (!dates.contains(date)) {
            return false;
        }
        return calendar.session(date).map(s -> !clock.now().isBefore(s.closeInstant())).orElse(false);
    }
}
