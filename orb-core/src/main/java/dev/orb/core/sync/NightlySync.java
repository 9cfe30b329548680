package dev.orb.core.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.RvolMethod;
import dev.orb.core.strategy.DailyStatistics;
import dev.orb.core.strategy.UniverseFilter;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.ports.MarketData;
import dev.orb.ports.MarketDataException;
import dev.orb.ports.MarketStore;
import dev.orb.ports.OrbClock;
import dev.orb.ports.TradingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly sync: daily bars of the last {@link Builder#historySessions(int) 30} sessions → statistics → universe
 * of the next session → pruning → opening-range volumes for relative volume.
 *
 * <ol>
 *   <li>{@link SyncPhase#DAILY_BARS}: for each session of the window that has no stored bars
 *       ({@link MarketStore#dailyBarDates}), one {@link MarketData#dailyBarsOfMarket} call, stored with one atomic
 *       {@link MarketStore#upsertDailyBars} — so a date is stored whole or not at all, and a rerun after a crash
 *       fetches only the missing dates. Bars dated otherwise than asked and repeated symbols are skipped and
 *       logged.
 *   <li>{@link SyncPhase#UNIVERSE}: per symbol, the bars of consecutive sessions ending with the last one go to
 *       {@link DailyStatistics#compute} for the next session (a symbol missing one of the last
 *       {@code atr.period + 1} sessions is ineligible, as in backtest-semantics.md), then
 *       {@link UniverseFilter#rejection}; the eligible ones are stored with {@link MarketStore#saveUniverse}. The
 *       "common stocks only" rule is the market-data adapter's (Polygon's reference tickers). Bars older than the
 *       window are then deleted: the window is 30 <em>sessions</em>, so the bars kept are exactly those needed.
 *   <li>{@link SyncPhase#OPENING_VOLUMES} (with {@code rvol.method=OPENING_RANGE}): see {@link IntradayFetch}.
 * </ol>
 *
 * <p>A market-data failure ends the run with a {@link SyncReport.Outcome#FAILED FAILED} report (what was stored
 * stays); so does a session among the last {@code atr.period + 1} without any bars (not yet published), in which
 * case no universe is stored rather than a wrong one. Progress goes to the log and to the {@link SyncListener}.
 *
 * <p>Thread-safe; one run at a time: {@link #run} while another run is in progress throws
 * {@link SyncInProgressException}. Runs block for as long as the market data takes (minutes on a free plan).
 */
public final class NightlySync {
    /** Sessions of daily bars kept and fetched. */
    public static final int DEFAULT_HISTORY_SESSIONS = 30;
    /** Symbols per intraday market-data call of the opening-volume backfill. */
    public static final int DEFAULT_INTRADAY_BATCH = 10;

    private static final Logger LOG = LoggerFactory.getLogger(NightlySync.class);

    private final MarketData marketData;
    private final MarketStore store;
    private final TradingCalendar calendar;
    private final OrbClock clock;
    private final OrbConfig config;
    private final SyncListener listener;
    private final VendorCounters counters;
    private final int historySessions;
    private final boolean openingVolumes;
    private final IntradayFetch intradayFetch;
    private final int intradayBatch;
    private final AtomicBoolean running = new AtomicBoolean();

    private NightlySync(Builder b) {
        marketData = b.marketData;
        store = b.store;
        calendar = b.calendar;
        clock = b.clock;
        config = b.config;
        listener = b.listener;
        counters = b.counters;
        historySessions = b.historySessions;
        openingVolumes = b.openingVolumes;
        intradayFetch = b.intradayFetch;
        intradayBatch = b.intradayBatch;
    }

    /** A builder on the four ports the sync needs. */
    public static Builder builder(MarketData marketData, MarketStore store, TradingCalendar calendar, OrbClock clock) {
        return new Builder(marketData, store, calendar, clock);
    }

    /**
     * The session the next run prepares: today when today is a session that has not closed yet (so a run before
     * the open, or during the session, computes today's universe), else the next session.
     */
    public LocalDate nextSession() {
        LocalDate today = clock.nowInNewYork().toLocalDate();
        Optional<TradingSession> todays = calendar.session(today);
        if (todays.isPresent() && clock.now().isBefore(todays.get().closeInstant())) {
            return today;
        }
        return calendar.nextSession(today).date();
    }

    /** Runs the sync for {@link #nextSession()}. */
    public SyncReport run() {
        return run(nextSession());
    }

    /**
     * Runs the sync for the trading day {@code session}: daily bars of the {@code historySessions} sessions before
     * it, its universe, and its opening-volume history.
     *
     * @throws SyncInProgressException if another run is in progress
     * @throws InvalidValueException   if {@code session} is not a trading day of the calendar
     */
    public SyncReport run(LocalDate session) {
        Objects.requireNonNull(session, "session");
        if (!calendar.isTradingDay(session)) {
            throw new InvalidValueException("NightlySync.session: " + session + " is not a trading day");
        }
        if (!running.compareAndSet(false, true)) {
            throw new SyncInProgressException("a nightly sync is already running");
        }
        try {
            SyncReport report = new Run(session).execute();
            if (report.completed()) {
                LOG.info("Nightly sync for {} completed in {}: {}", session, report.elapsed(), report);
            } else {
                LOG.error("Nightly sync for {} failed after {}: {}", session, report.elapsed(),
                        report.failure().orElse("?"));
            }
            notifyFinished(report);
            return report;
        } finally {
            running.set(false);
        }
    }

    private void notifyFinished(SyncReport report) {
        try {
            listener.finished(report);
        } catch (RuntimeException e) {
            LOG.warn("SyncListener.finished threw; ignored", e);
        }
    }

    /** One run: its counters and the three phases. */
    private final class Run {
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

        Run(LocalDate target) {
            this.target = target;
            this.meter = new SyncMeter(clock, counters, listener, LOG);
        }

        SyncReport execute() {
            List<TradingSession> window = calendar.sessionsBefore(target, historySessions);
            sessions = window.size();
            from = window.get(0).date();
            to = window.get(window.size() - 1).date();
            Optional<String> failure = fetchDailyBars(window);
            if (failure.isEmpty()) {
                failure = computeUniverse(window);
            }
            if (failure.isEmpty()) {
                barsDeleted = store.deleteDailyBarsBefore(from);
                LOG.info("Nightly sync: deleted {} daily bars dated before {}", barsDeleted, from);
            }
            if (failure.isEmpty() && openingVolumes && config.rvolMethod() == RvolMethod.OPENING_RANGE) {
                OpeningVolumeBackfill.Result r = new OpeningVolumeBackfill(marketData, store, calendar, config,
                        intradayFetch, intradayBatch, meter).run(target);
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
            Set<LocalDate> stored = new HashSet<>(store.dailyBarDates(from, to));
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
                    bars = marketData.dailyBarsOfMarket(date);
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
                    store.upsertDailyBars(valid);
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
            int needed = Math.min(window.size(), config.atrPeriod() + 1);
            Set<LocalDate> present = new HashSet<>(store.dailyBarDates(from, to));
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
            for (DailyBar bar : store.dailyBars(from, to)) {
                bySymbol.computeIfAbsent(bar.symbol(), s -> new ArrayList<>()).add(bar);
            }
            List<DailyStats> eligible = new ArrayList<>();
            int insufficient = 0;
            int rejected = 0;
            for (Map.Entry<Symbol, List<DailyBar>> e : bySymbol.entrySet()) {
                Optional<DailyStats> stats = DailyStatistics.compute(e.getKey(), target,
                        consecutiveTail(window, e.getValue()), config);
                if (stats.isEmpty()) {
                    insufficient++;
                } else if (UniverseFilter.rejection(stats.get(), config).isPresent()) {
                    rejected++;
                } else {
                    eligible.add(stats.get());
                }
            }
            store.saveUniverse(target, eligible);
            universe = new SyncReport.Universe(bySymbol.size(), insufficient, rejected, eligible.size());
            LOG.info("Nightly sync: universe of {}: {} of {} symbols eligible ({} without enough history, {} "
                    + "rejected by the filter)", target, eligible.size(), bySymbol.size(), insufficient, rejected);
            meter.unitDone("universe of " + target + ": " + eligible.size() + " symbols");
            return Optional.empty();
        }
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

    /** How the opening-volume backfill asks the market data for minute bars. */
    public enum IntradayFetch {
        /**
         * One call per batch of symbols spanning every session it needs: for a vendor that answers one symbol per
         * request whatever the time span (Polygon: one request per symbol for up to 50,000 minute bars, about 50
         * sessions), so 14 sessions of history cost one request per symbol. The default.
         */
        SPAN,
        /**
         * One call per session and batch of symbols, for the opening-range window only: for a vendor that answers
         * many symbols per request but pages by bar count (Alpaca's {@code /v2/stocks/bars?symbols=…}).
         */
        WINDOWS
    }

    /** Mutable builder; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final MarketData marketData;
        private final MarketStore store;
        private final TradingCalendar calendar;
        private final OrbClock clock;
        private OrbConfig config = OrbConfig.defaults();
        private SyncListener listener = SyncListener.NONE;
        private VendorCounters counters = VendorCounters.NONE;
        private int historySessions = DEFAULT_HISTORY_SESSIONS;
        private boolean openingVolumes = true;
        private IntradayFetch intradayFetch = IntradayFetch.SPAN;
        private int intradayBatch = DEFAULT_INTRADAY_BATCH;

        private Builder(MarketData marketData, MarketStore store, TradingCalendar calendar, OrbClock clock) {
            this.marketData = Objects.requireNonNull(marketData, "marketData");
            this.store = Objects.requireNonNull(store, "store");
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** Strategy parameters: ATR period and method, universe bounds, OR minutes, RVOL method and look-back. */
        public Builder config(OrbConfig v) {
            config = Objects.requireNonNull(v, "config");
            return this;
        }

        public Builder listener(SyncListener v) {
            listener = Objects.requireNonNull(v, "listener");
            return this;
        }

        public Builder vendorCounters(VendorCounters v) {
            counters = Objects.requireNonNull(v, "vendorCounters");
            return this;
        }

        /** Sessions of daily bars fetched and kept (30); at least {@code atr.period + 1}. */
        public Builder historySessions(int v) {
            historySessions = v;
            return this;
        }

        /** Whether to backfill opening-range volumes (true; only done with {@code rvol.method=OPENING_RANGE}). */
        public Builder openingVolumes(boolean v) {
            openingVolumes = v;
            return this;
        }

        /** The shape of the backfill's intraday calls and the symbols per call (SPAN, 10). */
        public Builder intradayFetch(IntradayFetch shape, int symbolsPerCall) {
            intradayFetch = Objects.requireNonNull(shape, "intradayFetch");
            intradayBatch = symbolsPerCall;
            return this;
        }

        /**
         * The sync.
         *
         * @throws InvalidValueException if {@code historySessions} is below {@code atr.period + 1} or above 250,
         *     or the batch size is not in 1..1000
         */
        public NightlySync build() {
            if (historySessions < config.atrPeriod() + 1 || historySessions > 250) {
                throw new InvalidValueException("NightlySync.historySessions: " + historySessions + " must be in "
                        + (config.atrPeriod() + 1) + "..250");
            }
            if (intradayBatch < 1 || intradayBatch > 1000) {
                throw new InvalidValueException("NightlySync.intradayBatch: " + intradayBatch
                        + " must be in 1..1000");
            }
            return new NightlySync(this);
        }
    }
}
