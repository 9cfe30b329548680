package dev.orb.core.sync;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.ports.MarketData;
import dev.orb.ports.MarketDataException;

/**
 * A market of a few symbols with fixed daily shapes, answering like a rate-limited vendor: every call advances
 * the clock by {@code perCall}. Records the calls; can fail, answer empty or add invalid bars on given dates.
 */
class ScriptedMarketData implements MarketData {
    /** Daily shape: close every day, high − low, volume. Open = close; high/low = close ± range/2. */
    record Profile(String close, String range, long volume) {
    }

    /** One intraday call as asked. */
    record IntradayCall(List<Symbol> symbols, Instant from, Instant to) {
    }

    private final ManualClock clock;
    private final Duration perCall;
    private final Map<Symbol, Profile> profiles = new TreeMap<>();
    private final Map<Symbol, Set<LocalDate>> notTrading = new HashMap<>();
    final Set<LocalDate> failOn = new HashSet<>();
    final Set<LocalDate> emptyOn = new HashSet<>();
    final Map<LocalDate, List<DailyBar>> extra = new HashMap<>();
    volatile boolean failIntraday;
    final List<LocalDate> dailyCalls = new CopyOnWriteArrayList<>();
    final List<IntradayCall> intradayCalls = new CopyOnWriteArrayList<>();

    ScriptedMarketData(ManualClock clock, Duration perCall) {
        this.clock = clock;
        this.perCall = perCall;
    }

    ScriptedMarketData with(String symbol, Profile profile) {
        profiles.put(Symbol.of(symbol), profile);
        return this;
    }

    ScriptedMarketData notTradingOn(String symbol, LocalDate... dates) {
        notTrading.computeIfAbsent(Symbol.of(symbol), s -> new HashSet<>()).addAll(List.of(dates));
        return this;
    }

    static DailyBar bar(Symbol symbol, LocalDate date, Profile p) {
        BigDecimal close = new BigDecimal(p.close());
        BigDecimal half = new BigDecimal(p.range()).divide(BigDecimal.valueOf(2));
        return new DailyBar(symbol, date, Price.of(close), Price.of(close.add(half)), Price.of(close.subtract(half)),
                Price.of(close), p.volume());
    }

    @Override
    public List<DailyBar> dailyBarsOfMarket(LocalDate date) {
        clock.advance(perCall);
        dailyCalls.add(date);
        if (failOn.contains(date)) {
            throw new MarketDataException("scripted failure on " + date);
        }
        if (emptyOn.contains(date)) {
            return List.of();
        }
        List<DailyBar> out = new ArrayList<>();
        profiles.forEach((symbol, p) -> {
            if (!notTrading.getOrDefault(symbol, Set.of()).contains(date)) {
                out.add(bar(symbol, date, p));
            }
        });
        out.addAll(extra.getOrDefault(date, List.of()));
        return out;
    }

    @Override
    public List<DailyBar> dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("the sync asks for the whole market");
    }

    /**
     * Minute bars at 09:29 (pre-market, volume 999,999, must never count) and 09:30..09:39 with volume
     * {@link #minuteVolume}, on weekdays, of symbols with a profile, that start in {@code [from, to)}.
     */
    @Override
    public Map<Symbol, List<Bar>> intradayBars(Collection<Symbol> symbols, Timeframe timeframe, Instant from,
                                               Instant to) {
        clock.advance(perCall);
        intradayCalls.add(new IntradayCall(List.copyOf(symbols), from, to));
        if (failIntraday) {
            throw new MarketDataException("scripted intraday failure");
        }
        Map<Symbol, List<Bar>> out = new TreeMap<>();
        LocalDate last = to.atZone(MarketTime.NEW_YORK).toLocalDate();
        for (Symbol symbol : symbols) {
            if (!profiles.containsKey(symbol)) {
                continue;
            }
            List<Bar> bars = new ArrayList<>();
            for (LocalDate d = from.atZone(MarketTime.NEW_YORK).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() > 5) {
                    continue;
                }
                for (int minute = -1; minute < 10; minute++) {
                    Instant start = d.atTime(LocalTime.of(9, 30)).atZone(MarketTime.NEW_YORK).toInstant()
                            .plusSeconds(60L * minute);
                    if (start.isBefore(from) || !start.isBefore(to)) {
                        continue;
                    }
                    long volume = minute < 0 ? 999_999 : minuteVolume(symbol, d, minute);
                    Price p = Price.ofCents(1000);
                    bars.add(new Bar(symbol, start, Timeframe.ONE_MINUTE, p, p, p, p, volume));
                }
            }
            if (!bars.isEmpty()) {
                out.put(symbol, bars);
            }
        }
        return out;
    }

    /** Volume of the bar {@code minute} minutes after 09:30 on {@code date}. */
    static long minuteVolume(Symbol symbol, LocalDate date, int minute) {
        return 1_000L * Math.floorMod(symbol.value().hashCode(), 997) + 10L * date.getDayOfMonth() + minute;
    }

    /** The opening-range volume the backfill must store. */
    static long orVolume(Symbol symbol, LocalDate date, int minutes) {
        long sum = 0;
        for (int m = 0; m < minutes; m++) {
            sum += minuteVolume(symbol, date, m);
        }
        return sum;
    }
}
