package dev.orb.core.live;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.RvolMethod;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import dev.orb.ports.MarketData;
import dev.orb.ports.MarketStore;

/**
 * Collects the inputs of a session's scan from the ports: the stored universe, the stored opening-range volume
 * history, today's one-minute opening-range bars and the universe's assets.
 *
 * <p>The scan event is journaled before the engine decides on it, so an input the scanner would refuse (bars of
 * another symbol, two bars with one start, statistics of another day, a history of the wrong length) would fail
 * again on every restart. Such entries are dropped here, each with a warning, so what is fed always decides.
 */
final class ScanGatherer {
    /** Either the inputs, or why there are none. */
    record Result(ScanOutcome.Status failure, String detail, Map<Symbol, DailyStats> universe,
                  Map<Symbol, List<Bar>> bars, Map<Symbol, long[]> history, Map<Symbol, Asset> assets,
                  List<String> warnings) {
        static Result failed(ScanOutcome.Status status, String detail) {
            return new Result(status, detail, Map.of(), Map.of(), Map.of(), Map.of(), List.of());
        }
    }

    private final TradingSession session;
    private final DayPlan plan;
    private final MarketStore store;
    private final MarketData marketData;
    private final AssetSource assets;

    ScanGatherer(TradingSession session, DayPlan plan, MarketStore store, MarketData marketData, AssetSource assets) {
        this.session = Objects.requireNonNull(session, "session");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.store = Objects.requireNonNull(store, "store");
        this.marketData = Objects.requireNonNull(marketData, "marketData");
        this.assets = Objects.requireNonNull(assets, "assets");
    }

    Result gather() {
        OrbConfig config = plan.config();
        int minutes = config.openingRangeMinutes();
        LocalDate date = session.date();
        List<String> warnings = new ArrayList<>();
        Map<Symbol, DailyStats> universe = new TreeMap<>();
        Map<Symbol, long[]> history = new TreeMap<>();
        try {
            for (DailyStats s : store.universe(date)) {
                if (s.session().equals(date)) {
                    universe.put(s.symbol(), s);
                } else {
                    warnings.add("universe entry " + s.symbol() + " is for " + s.session() + ", not " + date
                            + ": dropped");
                }
            }
            if (universe.isEmpty()) {
                return Result.failed(ScanOutcome.Status.NO_UNIVERSE, "no universe stored for " + date
                        + ": run the nightly sync; no entries until one is stored");
            }
            if (config.rvolMethod() == RvolMethod.OPENING_RANGE) {
                String missing = history(date, minutes, config.rvolLookback(), universe.keySet(), history, warnings);
                if (!missing.isEmpty()) {
                    return Result.failed(ScanOutcome.Status.MISSING_RVOL_HISTORY, minutes
                            + "-minute opening-range volumes are not stored for " + missing
                            + ": relative volume would be wrong; run the nightly sync");
                }
            }
        } catch (RuntimeException e) {
            return Result.failed(ScanOutcome.Status.DATA_UNAVAILABLE, "stored universe or volumes unreadable: "
                    + e.getMessage());
        }
        List<Symbol> symbols = List.copyOf(universe.keySet());
        Instant open = session.openInstant();
        Map<Symbol, List<Bar>> bars;
        try {
            bars = sane(marketData.intradayBars(symbols, Timeframe.ONE_MINUTE, open, open.plusSeconds(60L * minutes)),
                    universe.keySet(), warnings);
        } catch (RuntimeException e) {
            return Result.failed(ScanOutcome.Status.DATA_UNAVAILABLE, "opening-range bars unavailable: "
                    + e.getMessage());
        }
        Instant lastMinute = open.plusSeconds(60L * (minutes - 1));
        boolean complete = bars.values().stream().anyMatch(l -> l.stream().anyMatch(b -> b.start().equals(lastMinute)));
        if (!complete) {
            return Result.failed(ScanOutcome.Status.INCOMPLETE_BARS, "no bar starting at "
                    + DayPlan.newYorkTime(lastMinute) + " yet among " + bars.size() + " of " + symbols.size()
                    + " symbols with bars: the vendor has not published the end of the opening range");
        }
        Map<Symbol, Asset> tradability;
        try {
            tradability = new TreeMap<>(assets.assets(date, symbols));
        } catch (RuntimeException e) {
            return Result.failed(ScanOutcome.Status.ASSETS_UNAVAILABLE, "assets unavailable: " + e.getMessage());
        }
        tradability.keySet().retainAll(universe.keySet());
        return new Result(null, "", universe, bars, history, tradability, warnings);
    }

    /**
     * Reads the stored volume history the scan will read, and drops it: the storage's caches and the JVM's compiled
     * code are then warm for the scan (the history may still change before it; the scan reads it again).
     */
    void warmStoredHistory() {
        OrbConfig config = plan.config();
        if (config.rvolMethod() != RvolMethod.OPENING_RANGE) {
            return;
        }
        store.openingRangeVolumes(historySessions(session.date(), config.rvolLookback()),
                config.openingRangeMinutes());
    }

    /** The {@code lookback} sessions before {@code date} whose opening-range volumes make the RVOL history. */
    private List<LocalDate> historySessions(LocalDate date, int lookback) {
        return plan.calendar().sessionsBefore(date, lookback).stream().map(TradingSession::date).toList();
    }

    /** Fills {@code out} with the volume history of {@code symbols}; returns the sessions not stored ("" if none). */
    private String history(LocalDate date, int minutes, int lookback, Set<Symbol> symbols, Map<Symbol, long[]> out,
                           List<String> warnings) {
        List<LocalDate> sessions = historySessions(date, lookback);
        Set<LocalDate> stored = new HashSet<>(store.openingRangeVolumeDates(sessions.get(0),
                sessions.get(sessions.size() - 1), minutes));
        List<LocalDate> missing = sessions.stream().filter(d -> !stored.contains(d)).toList();
        if (!missing.isEmpty()) {
            return missing.toString();
        }
        for (Map.Entry<Symbol, long[]> e : store.openingRangeVolumes(sessions, minutes).entrySet()) {
            long[] v = e.getValue();
            if (!symbols.contains(e.getKey())) {
                continue;
            }
            if (v.length != lookback || Arrays.stream(v).anyMatch(x -> x < 0)) {
                warnings.add("volume history of " + e.getKey() + " is malformed (" + v.length + " values for "
                        + lookback + " sessions, or a negative volume): dropped");
                continue;
            }
            out.put(e.getKey(), v.clone());
        }
        return "";
    }

    /** The bars of universe symbols that the scanner accepts: one-minute, of that symbol, one per start. */
    private static Map<Symbol, List<Bar>> sane(Map<Symbol, List<Bar>> raw, Set<Symbol> universe,
                                              List<String> warnings) {
        Map<Symbol, List<Bar>> out = new TreeMap<>();
        List<Symbol> dropped = new ArrayList<>();
        for (Map.Entry<Symbol, List<Bar>> e : raw.entrySet()) {
            if (!universe.contains(e.getKey())) {
                continue;
            }
            Set<Instant> starts = new HashSet<>();
            boolean ok = true;
            for (Bar b : e.getValue()) {
                ok &= b.symbol().equals(e.getKey()) && b.timeframe().equals(Timeframe.ONE_MINUTE)
                        && starts.add(b.start());
            }
            if (ok) {
                out.put(e.getKey(), List.copyOf(e.getValue()));
            } else {
                dropped.add(e.getKey());
            }
        }
        if (!dropped.isEmpty()) {
            warnings.add("bars of " + dropped + " dropped: of another symbol or timeframe, or two with one start");
        }
        return out;
    }
}
