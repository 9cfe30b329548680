package dev.orb.ports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;

/**
 * Historical and intraday bars.
 *
 * <p>Calls block and may take seconds (rate limits); they are made from the scheduler's threads, never from the
 * engine. Implementations must be safe for concurrent use. Failures are reported as
 * {@link MarketDataException}; an empty result means "no data", never "failed".
 */
public interface MarketData {
    /** Daily bars of every symbol traded on {@code date} (whole market), or an empty list on a holiday. */
    List<DailyBar> dailyBarsOfMarket(LocalDate date);

    /** Daily bars of one symbol in {@code [from, to]}, oldest first. */
    List<DailyBar> dailyBars(Symbol symbol, LocalDate from, LocalDate to);

    /**
     * Intraday bars of many symbols that start in {@code [from, to)}, oldest first per symbol. Symbols without
     * bars are absent from the map.
     */
    Map<Symbol, List<Bar>> intradayBars(Collection<Symbol> symbols, Timeframe timeframe, Instant from, Instant to);
}
