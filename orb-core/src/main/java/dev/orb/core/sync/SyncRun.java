package dev.orb.core.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.orb.core.config.RvolMethod;
import dev.orb.core.strategy.DailyStatistics;
import dev.orb.core.strategy.UniverseFilter;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.ports.MarketDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link NightlySync} run for one target session: its counters and its phases (daily bars, universe and
 * pruning, then the opening-volume backfill). Used by one thread.
 */
final class SyncRun {
    private static final Logger LOG = LoggerFactory.getLogger(NightlySync.class);

    private final NightlySync sync;
    private final LocalDate target;
    private final SyncMeter meter;
    private final List<LocalDate> empty = new ArrayList<>();
    private LocalDate from;
    private LocalDate to;
    private int alreadyStored;
    private int fetched;
    private long barsStored;
    private int barsDeleted;
    private int sessions;
    private SyncReport.Universe universe = SyncReport.Universe.NONE;
    private SyncReport.OpeningVolumes volumes = SyncReport.OpeningVolumes.NONE;

    SyncRun(NightlySync sync, LocalDate target) {
        this.sync = sync;
        this.target = target;
        this.meter = new SyncMeter(sync.clock, sync.counters, sync.listener, LOG);
    }

    SyncReport execute() {
        List<TradingSession> window = sync.calendar.sessionsBefore(target, sync.historySessions);
        sessions = window.size();
        from = window.get(0).date();
        to = window.get(window.size() - 1).date();
        Optional<String> failure = fetchDailyBars(window);
        if (failure.isEmpty()) {
            failure = computeUniverse(window);
        }
        if (failure.isEmpty()) {
            barsDeleted = sync.store.deleteDailyBarsBefore(from);
            LOG.info("Nightly sync: deleted {} daily bars dated before {}", barsDeleted, from);
        }
        if (failure.isEmpty() && sync.openingVolumes && sync.config.rvolMethod() == RvolMethod.OPENING_RANGE) {
            OpeningVolumeBackfill.Result r = new OpeningVolumeBackfill(sync.marketData, sync.store, sync.calendar,
                    sync.config, sync.intradayFetch, sync.intradayBatch, meter).run(target);
            volumes = r.report();
            failure = r.failure();
        }
        return new SyncReport(target, failure.isEmpty() ? SyncReport.Outcome.COMPLETED
                : SyncReport.Outcome.FAILED, failure,
                new SyncReport.DailyBars(from, to, sessions, alreadyStored, fetched, empty, barsStored,
                        barsDeleted),
                universe, volumes, meter.requests(), meter.rowsSkipped(), meter.sinceRunStart());
    }

    private Optional<String> fetchDailyBars(List<TradingSession> window) {
        Set<LocalDate> stored = new HashSet<>(sync.store.dailyBarDates(from, to));
        List<LocalDate> missing = new ArrayList<>();
        for (TradingSession s : window) {
            if (!stored.contains(s.date())) {
                missing.add(s.date());
            }
        }
        alreadyStored = sessions - missing.size();
        LOG.info("Nightly sync for {}: sessions {}..{} ({}), {} already stored, {} to fetch", target, from, to,
                sessions, alreadyStored, missing.size());
        meter.beginPhase(SyncPhase.DAILY_BARS, missing.size());
        for (LocalDate date : missing) {
            List<DailyBar> bars;
            try {
                bars = sync.marketData.dailyBarsOfMarket(date);
            } catch (MarketDataException e) {
                return Optional.of("daily bars of " + date + ": " + e.getMessage());
            } finally {
                meter.marketDataCall();
            }
            List<DailyBar> valid = validDailyBars(date, bars);
            if (valid.isEmpty()) {
                empty.add(date);
                LOG.warn("Nightly sync: no daily bars for session {} (holiday missing from the calendar, or "
                        + "data not yet published)", date);
            } else {
                sync.store.upsertDailyBars(valid);
                barsStored += valid.size();
            }
            fetched++;
            meter.unitDone(date + ": " + valid.size() + " bars");
        }
        return Optional.empty();
    }

    /** The bars of {@code date}, without bars of another date or a second bar of a symbol. */
    private List<DailyBar> validDailyBars(LocalDate date, List<DailyBar> bars) {
        Map<Symbol, DailyBar> bySymbol = new LinkedHashMap<>();
        for (DailyBar bar : bars) {
            if (!bar.date().equals(date)) {
                meter.rowSkipped(bar.symbol(), bar.date(), "dated " + bar.date() + " in the answer for " + date);
            } else if (bySymbol.putIfAbsent(bar.symbol(), bar) != null) {
                meter.rowSkipped(bar.symbol(), date, "a second daily bar of the same symbol and date");
            }
        }
        return List.copyOf(bySymbol.values());
    }

    private Optional<String> computeUniverse(List<TradingSession> window) {
        meter.beginPhase(SyncPhase.UNIVERSE, 1);
        int needed = Math.min(window.size(), sync.config.atrPeriod() + 1);
        Set<LocalDate> present = new HashSet<>(sync.store.dailyBarDates(from, to));
        List<LocalDate> absent = new ArrayList<>();
        for (TradingSession s : window.subList(window.size() - needed, window.size())) {
            if (!present.contains(s.date())) {
                absent.add(s.date());
            }
        }
        if (!absent.isEmpty()) {
            return Optional.of("no daily bars stored for sessions " + absent + " (not yet published, or the "
                    + "market data has none); the universe of " + target + " was not computed");
        }
        Map<Symbol, List<DailyBar>> bySymbol = new TreeMap<>();
        for (DailyBar bar : sync.store.dailyBars(from, to)) {
            bySymbol.computeIfAbsent(bar.symbol(), s -> new ArrayList<>()).add(bar);
        }
        List<DailyStats> eligible = new ArrayList<>();
        int insufficient = 0;
        int rejected = 0;
        for (Map.Entry<Symbol, List<DailyBar>> e : bySymbol.entrySet()) {
            Optional<DailyStats> stats = DailyStatistics.compute(e.getKey(), target,
                    consecutiveTail(window, e.getValue()), sync.config);
            if (stats.isEmpty()) {
                insufficient++;
            } else if (UniverseFilter.rejection(stats.get(), sync.config).isPresent()) {
                rejected++;
            } else {
                eligible.add(stats.get());
            }
        }
        sync.store.saveUniverse(target, eligible);
        universe = new SyncReport.Universe(bySymbol.size(), insufficient, rejected, eligible.size());
        LOG.info("Nightly sync: universe of {}: {} of {} symbols eligible ({} without enough history, {} "
                + "rejected by the filter)", target, eligible.size(), bySymbol.size(), insufficient, rejected);
        meter.unitDone("universe of " + target + ": " + eligible.size() + " symbols");
        return Optional.empty();
    }

    /**
     * The bars of one symbol on consecutive sessions of {@code window} ending with its last session, oldest
     * first; empty when the symbol has no bar on the last session. Older bars before a gap are left out, which
     * makes the symbol ineligible when the gap is within the ATR look-back.
     */
    static List<DailyBar> consecutiveTail(List<TradingSession> window, List<DailyBar> barsByDate) {
        List<DailyBar> sorted = new ArrayList<>(barsByDate);
        sorted.sort((a, b) -> a.date().compareTo(b.date()));
        int w = window.size() - 1;
        int b = sorted.size() - 1;
        while (w >= 0 && b >= 0 && sorted.get(b).date().equals(window.get(w).date())) {
            w--;
            b--;
        }
        return List.copyOf(sorted.subList(b + 1, sorted.size()));
    }
}
