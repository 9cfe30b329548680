package dev.orb.core.fakes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.ports.MarketData;

/** Market data served from bars added in memory; counts requests. Thread-safe. */
public final class InMemoryMarketData implements MarketData {
    private final List<DailyBar> daily = new ArrayList<>();
    private final List<Bar> intraday = new ArrayList<>();
    private int requests;

    public synchronized InMemoryMarketData addDaily(Collection<DailyBar> bars) {
        daily.addAll(bars);
        return this;
    }

    public synchronized InMemoryMarketData addIntraday(Collection<Bar> bars) {
        intraday.addAll(bars);
        return this;
    }

    /** Requests served so far. */
    public synchronized int requests() {
        return requests;
    }

    @Override
    public synchronized List<DailyBar> dailyBarsOfMarket(LocalDate date) {
        requests++;
        return daily.stream().filter(b -> b.date().equals(date)).sorted(Comparator.comparing(DailyBar::symbol)).toList();
    }

    @Override
    public synchronized List<DailyBar> dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        requests++;
        return daily.stream().filter(b -> b.symbol().equals(symbol) && !b.date().isBefore(from) && !b.date().isAfter(to))
                .sorted(Comparator.comparing(DailyBar::date)).toList();
    }

    @Override
    public synchronized Map<Symbol, List<Bar>> intradayBars(Collection<Symbol> symbols, Timeframe timeframe, Instant from,
                                                           Instant to) {
        requests++;
        Map<Symbol, List<Bar>> out = new TreeMap<>();
        // a set: a whole market asks for 10,000 symbols' bars, and List.contains would make this quadratic
        Set<Symbol> wanted = new HashSet<>(symbols);
        for (Bar b : intraday) {
            if (wanted.contains(b.symbol()) && b.timeframe().equals(timeframe) && !b.start().isBefore(from)
                    && b.start().isBefore(to)) {
                out.computeIfAbsent(b.symbol(), s -> new ArrayList<>()).add(b);
            }
        }
        Map<Symbol, List<Bar>> sorted = new LinkedHashMap<>();
        out.forEach((s, bars) -> sorted.put(s, bars.stream().sorted(Comparator.comparing(Bar::start)).toList()));
        return sorted;
    }
}
