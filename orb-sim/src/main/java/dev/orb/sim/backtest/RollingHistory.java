package dev.orb.sim.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.strategy.DailyStatistics;
import dev.orb.core.strategy.OpeningRanges;
import dev.orb.core.strategy.UniverseFilter;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.sim.EpochNanos;
import dev.orb.sim.flatfile.MinuteSeries;
import dev.orb.sim.flatfile.SessionData;

/**
 * The look-back windows of a run, and nothing more: the day rows of the last {@code atr.period + 1} sessions and
 * the opening-range volumes of the last {@code rvol.lookback} sessions (backtest-semantics.md steps 1 and 3).
 * Memory is bounded by those windows however long the run.
 *
 * <p>Not thread-safe.
 */
final class RollingHistory {
    private final OrbConfig config;
    private final int dailyWindow;
    private final int volumeWindow;
    private final ArrayDeque<Map<Symbol, DailyBar>> days = new ArrayDeque<>();
    private final ArrayDeque<Map<Symbol, Long>> volumes = new ArrayDeque<>();

    RollingHistory(OrbConfig config) {
        this.config = config;
        this.dailyWindow = config.atrPeriod() + 1;
        this.volumeWindow = config.rvolLookback();
    }

    /** Adds a session that has been traded (or was warm-up): its day rows and every ticker's opening-range volume. */
    void add(SessionData data) {
        Map<Symbol, DailyBar> rows = new HashMap<>(data.dailyBars().size() * 2);
        for (DailyBar bar : data.dailyBars()) {
            rows.put(bar.symbol(), bar);
        }
        push(days, rows, dailyWindow);
        Map<Symbol, Long> orVolumes = new HashMap<>();
        for (Map.Entry<Symbol, MinuteSeries> e : data.minutes().bySymbol().entrySet()) {
            long v = OpeningRanges.windowVolume(data.session(), config.openingRangeMinutes(),
                    openingWindow(e.getValue(), data.session(), config));
            if (v > 0) {
                orVolumes.put(e.getKey(), v);
            }
        }
        push(volumes, orVolumes, volumeWindow);
    }

    /** True once both windows are full: the next session can trade. */
    boolean isFull() {
        return days.size() == dailyWindow && volumes.size() == volumeWindow;
    }

    /**
     * The universe of {@code session}: tickers with a day row in each session of the daily window, their
     * statistics ({@link DailyStatistics#compute}) passing {@link UniverseFilter}; sorted by symbol.
     */
    Map<Symbol, DailyStats> universe(LocalDate session) {
        Map<Symbol, DailyStats> universe = new TreeMap<>();
        Map<Symbol, DailyBar> latest = days.peekLast();
        if (latest == null || days.size() < dailyWindow) {
            return universe;
        }
        List<DailyBar> bars = new ArrayList<>(dailyWindow);
        for (Symbol symbol : latest.keySet()) {
            bars.clear();
            for (Map<Symbol, DailyBar> day : days) {
                DailyBar bar = day.get(symbol);
                if (bar == null) {
                    break;
                }
                bars.add(bar);
            }
            if (bars.size() < dailyWindow) {
                continue; // missing a day row in the window: ineligible (backtest-semantics.md step 1)
            }
            DailyStatistics.compute(symbol, session, bars, config)
                    .filter(stats -> UniverseFilter.isEligible(stats, config))
                    .ifPresent(stats -> universe.put(symbol, stats));
        }
        return universe;
    }

    /** Per symbol the opening-range volumes of the volume window, oldest first (0 where a ticker had none). */
    Map<Symbol, long[]> orVolumeHistory(Collection<Symbol> symbols) {
        Map<Symbol, long[]> history = new TreeMap<>();
        for (Symbol symbol : symbols) {
            long[] v = new long[volumeWindow];
            int i = 0;
            for (Iterator<Map<Symbol, Long>> it = volumes.iterator(); it.hasNext(); i++) {
                v[i] = it.next().getOrDefault(symbol, 0L);
            }
            history.put(symbol, v);
        }
        return history;
    }

    /** The bars of {@code series} that start in the opening-range window {@code [open, open + or.minutes)}. */
    static List<Bar> openingWindow(MinuteSeries series, TradingSession session, OrbConfig config) {
        Instant end = session.openInstant().plusSeconds(60L * config.openingRangeMinutes());
        int last = series.indexAtOrAfter(EpochNanos.of(end));
        List<Bar> bars = new ArrayList<>(last);
        for (int i = 0; i < last; i++) {
            bars.add(series.bar(i));
        }
        return bars;
    }

    private static <T> void push(ArrayDeque<T> window, T item, int size) {
        window.addLast(item);
        while (window.size() > size) {
            window.removeFirst();
        }
    }
}
