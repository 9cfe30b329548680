package dev.orb.core.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.strategy.OpeningRanges;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import dev.orb.ports.MarketData;
import dev.orb.ports.MarketDataException;
import dev.orb.ports.MarketStore;
import dev.orb.ports.TradingCalendar;

/**
 * The opening-range volumes of the {@code rvol.lookback} sessions before the target, for the target's universe
 * (strategy.md §4), from one-minute bars summed with {@link OpeningRanges#windowVolume}.
 *
 * <p>What is fetched, per universe symbol: the sessions not stored yet ({@link MarketStore#openingRangeVolumeDates}),
 * and the stored sessions where the symbol has no volume. A stored session only holds the symbols that were in the
 * universe when it was stored, and an absent symbol reads as volume 0, which would inflate its RVOL; a liquid
 * universe symbol with a true 0 in its opening range is rare, and asking again for it costs no extra request on a
 * per-symbol vendor (its span grows instead). Stored sessions are completed by read, merge and save. Sessions are
 * saved only after every call succeeded, so a failed run leaves the store as it was and the rerun asks again.
 */
final class OpeningVolumeBackfill {
    /** The phase's report and, when it failed, why. */
    record Result(SyncReport.OpeningVolumes report, Optional<String> failure) {
    }

    /** One market-data call: symbols, its time span and the sessions it serves. */
    private record Call(List<Symbol> symbols, Instant from, Instant to, List<TradingSession> sessions) {
    }

    private final MarketData marketData;
    private final MarketStore store;
    private final TradingCalendar calendar;
    private final OrbConfig config;
    private final IntradayFetch shape;
    private final int batch;
    private final SyncMeter meter;
    private final int minutes;

    OpeningVolumeBackfill(MarketData marketData, MarketStore store, TradingCalendar calendar, OrbConfig config,
                          IntradayFetch shape, int batch, SyncMeter meter) {
        this.marketData = marketData;
        this.store = store;
        this.calendar = calendar;
        this.config = config;
        this.shape = shape;
        this.batch = batch;
        this.meter = meter;
        this.minutes = config.openingRangeMinutes();
    }

    Result run(LocalDate target) {
        List<TradingSession> sessions = calendar.sessionsBefore(target, config.rvolLookback());
        List<LocalDate> dates = sessions.stream().map(TradingSession::date).toList();
        Set<LocalDate> stored = new HashSet<>(store.openingRangeVolumeDates(dates.get(0),
                dates.get(dates.size() - 1), minutes));
        Set<Symbol> universe = symbols(store.universe(target));
        if (universe.isEmpty()) {
            // Nothing to ask for; saving empty sessions would only mark them as done.
            meter.beginPhase(SyncPhase.OPENING_VOLUMES, 0);
            return new Result(new SyncReport.OpeningVolumes(sessions.size(), stored.size(), 0, 0, 0, 0),
                    Optional.empty());
        }
        Map<Symbol, long[]> existing = stored.isEmpty() ? Map.of() : store.openingRangeVolumes(dates, minutes);

        // Symbols grouped by the sessions they need: the missing sessions, plus every stored session where the
        // symbol has no volume (it was not in the universe when that session was stored).
        Map<List<TradingSession>, List<Symbol>> needs = new LinkedHashMap<>();
        int gaps = 0;
        for (Symbol symbol : universe) {
            long[] history = existing.get(symbol);
            List<TradingSession> needed = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                boolean isStored = stored.contains(dates.get(i));
                if (!isStored || history == null || history[i] == 0) {
                    needed.add(sessions.get(i));
                    gaps += isStored ? 1 : 0;
                }
            }
            if (!needed.isEmpty()) {
                needs.computeIfAbsent(List.copyOf(needed), k -> new ArrayList<>()).add(symbol);
            }
        }
        List<Call> calls = calls(needs);
        meter.beginPhase(SyncPhase.OPENING_VOLUMES, calls.size());

        Map<LocalDate, Map<Symbol, Long>> volumes = new TreeMap<>();
        int skipped = 0;
        int made = 0;
        for (Call call : calls) {
            Map<Symbol, List<Bar>> bars;
            try {
                bars = marketData.intradayBars(call.symbols(), Timeframe.ONE_MINUTE, call.from(), call.to());
            } catch (MarketDataException e) {
                return new Result(new SyncReport.OpeningVolumes(sessions.size(), stored.size(), 0, gaps, made + 1,
                        skipped), Optional.of("opening-range bars " + call.from() + ".." + call.to() + " of "
                        + call.symbols().size() + " symbols: " + e.getMessage()));
            } finally {
                meter.marketDataCall();
            }
            made++;
            skipped += accumulate(call, bars, volumes);
            meter.unitDone(call.symbols().size() + " symbols, " + call.sessions().size() + " sessions");
        }

        int saved = 0;
        for (TradingSession s : sessions) {
            Map<Symbol, Long> fetched = volumes.getOrDefault(s.date(), Map.of());
            if (!stored.contains(s.date())) {
                store.saveOpeningRangeVolumes(s.date(), minutes, fetched);
                saved++;
            } else if (!fetched.isEmpty()) {
                store.saveOpeningRangeVolumes(s.date(), minutes, merged(s.date(), fetched));
                saved++;
            }
        }
        return new Result(new SyncReport.OpeningVolumes(sessions.size(), stored.size(), saved, gaps, made,
                skipped), Optional.empty());
    }

    /** One call per batch of symbols needing the same sessions: spanning them, or one per session's window. */
    private List<Call> calls(Map<List<TradingSession>, List<Symbol>> needs) {
        List<Call> calls = new ArrayList<>();
        for (Map.Entry<List<TradingSession>, List<Symbol>> job : needs.entrySet()) {
            List<TradingSession> sessions = job.getKey();
            List<Symbol> symbols = job.getValue();
            for (int i = 0; i < symbols.size(); i += batch) {
                List<Symbol> part = List.copyOf(symbols.subList(i, Math.min(symbols.size(), i + batch)));
                if (shape == IntradayFetch.SPAN) {
                    calls.add(new Call(part, sessions.get(0).openInstant(),
                            windowEnd(sessions.get(sessions.size() - 1)), sessions));
                } else {
                    for (TradingSession s : sessions) {
                        calls.add(new Call(part, s.openInstant(), windowEnd(s), List.of(s)));
                    }
                }
            }
        }
        return calls;
    }

    /** Adds the window volume of each (symbol, session) of {@code call}; returns how many were invalid. */
    private int accumulate(Call call, Map<Symbol, List<Bar>> bars, Map<LocalDate, Map<Symbol, Long>> volumes) {
        int invalid = 0;
        for (Symbol symbol : call.symbols()) {
            Map<LocalDate, List<Bar>> byDate = new HashMap<>();
            for (Bar bar : bars.getOrDefault(symbol, List.of())) {
                byDate.computeIfAbsent(bar.start().atZone(MarketTime.NEW_YORK).toLocalDate(), d -> new ArrayList<>())
                        .add(bar);
            }
            for (TradingSession s : call.sessions()) {
                try {
                    long v = OpeningRanges.windowVolume(s, minutes, byDate.getOrDefault(s.date(), List.of()));
                    volumes.computeIfAbsent(s.date(), d -> new HashMap<>()).put(symbol, v);
                } catch (InvalidValueException e) {
                    // Left out, it reads as 0 for this session: logged and counted so it is visible.
                    invalid++;
                    meter.rowSkipped(symbol, s.date(), "opening-range bars unusable: " + e.getMessage());
                }
            }
        }
        return invalid;
    }

    /** What is stored for {@code date}, completed with {@code added}. */
    private Map<Symbol, Long> merged(LocalDate date, Map<Symbol, Long> added) {
        Map<Symbol, Long> out = new HashMap<>();
        store.openingRangeVolumes(List.of(date), minutes).forEach((symbol, v) -> out.put(symbol, v[0]));
        out.putAll(added);
        return out;
    }

    private Instant windowEnd(TradingSession s) {
        return s.openInstant().plusSeconds(60L * minutes);
    }

    private static Set<Symbol> symbols(Collection<DailyStats> universe) {
        Set<Symbol> out = new TreeSet<>();
        universe.forEach(s -> out.add(s.symbol()));
        return out;
    }
}
