package dev.orb.core.sync;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.strategy.DailyStatistics;
import dev.orb.core.strategy.UniverseFilter;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingSession;
import dev.orb.ports.MarketData;
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
 *   <li>{@link SyncPhase#OPENING_VOLUMES} (with {@code rvol.method=OPENING_RANGE}): the opening-range volumes of
 *       the {@code rvol.lookback} sessions before the next session, for each universe symbol — the sessions not
 *       stored yet, and the stored sessions where the symbol has no volume (it was not in the universe when they
 *       were stored, and would otherwise read as 0) — summed from one-minute bars by
 *       {@code OpeningRanges.windowVolume} and saved with {@link MarketStore#saveOpeningRangeVolumes} once every
 *       call succeeded. {@link IntradayFetch} chooses the request pattern that suits the vendor.
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

    // Read by SyncRun, this package's only other user.
    final MarketData marketData;
    final MarketStore store;
    final TradingCalendar calendar;
    final OrbClock clock;
    final OrbConfig config;
    final SyncListener listener;
    final VendorCounters counters;
    final int historySessions;
    final boolean openingVolumes;
    final IntradayFetch intradayFetch;
    final int intradayBatch;
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
            SyncReport report = new SyncRun(this, session).execute();
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
