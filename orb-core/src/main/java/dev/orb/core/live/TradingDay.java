package dev.orb.core.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import dev.orb.core.journal.StoredJournal;
import dev.orb.core.session.Command.Severity;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.EngineListener;
import dev.orb.core.session.OpenPosition;
import dev.orb.core.session.Phase;
import dev.orb.core.session.SessionEngine;
import dev.orb.core.session.SessionJournal;
import dev.orb.core.session.SessionRunner;
import dev.orb.core.session.SessionState;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.ports.Broker;
import dev.orb.ports.MarketData;
import dev.orb.ports.OrbClock;
import dev.orb.ports.Storage;

/**
 * Drives one session of live (or demo) trading over the ports, around a {@link SessionRunner}: the start-up
 * reconciliation before any trading, the scan's inputs at scan time, EOD, account refreshes (which trip the daily
 * loss limit between fills), periodic reconciliation, and the operator controls. {@link LiveScheduler} calls the
 * lifecycle methods at the times of the {@link DayPlan}; a host may also call them itself.
 *
 * <p>Safety, as promised by safety.md: no scan is fed before a reconciliation has succeeded — a failed start
 * {@link StartOutcome.Refused refuses} to trade and every later tick retries it; a day reconciled only after the
 * scan time places no entries unless {@code live.allowLateEntries} (and the engine's entry window still applies);
 * a start after EOD time feeds EOD at once, and a close that failed at EOD is asked again on each tick until the
 * close, so nothing orb opened outlives the day; {@link #close()} leaves the broker-side stops in place.
 *
 * <p>Thread-safe. The lifecycle methods run one at a time; the operator controls never wait for them (a kill
 * switch is not held up by a scan fetching bars) because the runner queues events from any thread.
 */
public final class TradingDay implements AutoCloseable {
    /** A rehearsal is skipped when the scan is less than this far away: it must not compete with the scan. */
    private static final Duration REHEARSAL_MARGIN = Duration.ofMinutes(1);
    private final TradingSession session;
    private final DayPlan plan;
    private final SessionRunner runner;
    private final Broker broker;
    private final Storage storage;
    private final OrbClock clock;
    private final DayAlerts alerts;
    private final ScanGatherer gatherer;
    /** Serialises the lifecycle (start, scan, ticks, EOD, close). */
    private final Object lifecycle = new Object();
    /** Makes "is the session open, else persist the kill switch" atomic with opening it. */
    private final Object opening = new Object();
    private volatile DayStatus status = DayStatus.NOT_STARTED;
    private volatile boolean closing;
    private volatile boolean late;
    private volatile ScanOutcome lastScan;
    private boolean scanWanted;
    private boolean eodFed;

    private TradingDay(Builder b, TradingSession session, SessionRunner runner) {
        this.session = session;
        this.plan = b.plan;
        this.runner = runner;
        this.broker = b.broker;
        this.storage = b.storage;
        this.clock = b.clock;
        this.alerts = new DayAlerts(session, b.plan, b.listener);
        this.gatherer = new ScanGatherer(session, b.plan, b.storage, b.marketData,
                b.assets != null ? b.assets : AssetSource.fromBroker(b.broker));
    }

    /** A builder of days sharing one plan and one set of ports; {@link Builder#build} makes one per session. */
    public static Builder builder(DayPlan plan) {
        return new Builder(plan);
    }

    /** The session this day drives. */
    public TradingSession session() {
        return session;
    }

    /** Where the day is: not started, refused, running or closed. */
    public DayStatus status() {
        return status;
    }

    /** True when the day was reconciled only after its scan time, before its scan ({@link StartOutcome.Started#late}). */
    public boolean late() {
        return late;
    }

    /** The outcome of the last scan attempt, or empty before one. */
    public Optional<ScanOutcome> lastScan() {
        return Optional.ofNullable(lastScan);
    }

    /** The engine's current state of the session (a consistent snapshot). */
    public SessionState state() {
        return runner.state();
    }

    /**
     * Opens the session (or rebuilds it from its journal after a restart) and reconciles with the broker; then
     * catches up what is overdue: the scan (see {@link #scan()}) when past the scan time, EOD when past EOD time.
     * Calling it again after a refusal retries; after success it only reports.
     */
    public StartOutcome start() {
        synchronized (lifecycle) {
            if (closing) {
                return new StartOutcome.Refused(clock.now(), "the day is closed");
            }
            if (status == DayStatus.RUNNING) {
                return new StartOutcome.Started(clock.now(), late);
            }
            try {
                synchronized (opening) {
                    if (runner.state().session() == null) {
                        runner.close(); // a failed attempt may have left its subscription open
                        runner.start(session);
                    } else {
                        runner.reconcile(); // opened or rebuilt before the reconciliation failed
                    }
                }
            } catch (RuntimeException e) {
                String reason = String.valueOf(e.getMessage());
                if (status != DayStatus.REFUSED) {
                    alerts.alert(Severity.CRITICAL, "session " + session.date() + ": start-up reconciliation failed ("
                            + reason + "): no trading until a reconciliation succeeds; retrying on every tick");
                } else {
                    alerts.warn("session " + session.date() + ": start-up reconciliation failed again: " + reason);
                }
                status = DayStatus.REFUSED;
                return new StartOutcome.Refused(clock.now(), reason);
            }
            Instant now = clock.now();
            if (status == DayStatus.REFUSED) {
                alerts.alert(Severity.WARNING, "session " + session.date() + ": reconciled at " + DayPlan.newYorkTime(now)
                        + " after earlier failures");
            }
            late = now.isAfter(plan.scanAt(session)) && runner.state().phase() == Phase.AWAITING_SCAN;
            status = DayStatus.RUNNING;
            if (!now.isBefore(plan.scanAt(session))) {
                scanLocked();
            } else if (runner.state().phase() == Phase.AWAITING_SCAN) {
                prepareForScan(now);
            }
            if (!now.isBefore(plan.eodAt(session))) {
                eodLocked();
            }
            return new StartOutcome.Started(now, late);
        }
    }

    /**
     * Feeds the scan: reads the stored universe and opening-range volume history, fetches today's one-minute
     * opening-range bars for the universe in one {@link MarketData#intradayBars} call, asks the {@link AssetSource},
     * and feeds {@link EngineEvent.ScanReady}. Nothing is fed before the start-up reconciliation succeeded, after
     * the session's scan, or on a late start without {@code live.allowLateEntries}. A failure to gather the inputs
     * is reported once and retried on each later tick until the entry window closes.
     */
    public ScanOutcome scan() {
        synchronized (lifecycle) {
            return scanLocked();
        }
    }

    /** Feeds {@link EngineEvent.EodReached} once, if the session was opened: entries cancelled, positions closed. */
    public void eod() {
        synchronized (lifecycle) {
            eodLocked();
        }
    }

    /**
     * A tick: retries what failed (the start-up reconciliation of a refused day, a scan whose inputs were missing),
     * then feeds the broker's account ({@link EngineEvent.AccountUpdated}). A failure is alerted once per streak.
     */
    public void refreshAccount() {
        tick("account refresh", () -> runner.feed(new EngineEvent.AccountUpdated(clock.now(), broker.account())));
    }

    /** A tick like {@link #refreshAccount()} that merges the broker's truth ({@link SessionRunner#reconcile()}). */
    public void reconcile() {
        tick("reconciliation", runner::reconcile);
    }

    /**
     * Engages the kill switch: fed to the engine when the session is open (entries cancelled, stops kept); else
     * persisted directly, so that it holds when the session opens.
     */
    public void engageKillSwitch(String operator, String reason) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(reason, "reason");
        if (feedIfOpen(() -> new EngineEvent.KillSwitchEngaged(clock.now(), operator, reason))) {
            return;
        }
        synchronized (opening) {
            if (feedIfOpen(() -> new EngineEvent.KillSwitchEngaged(clock.now(), operator, reason))) {
                return;
            }
            if (!storage.killSwitch().engaged()) {
                storage.saveKillSwitch(new KillSwitchState(true, operator, clock.now(), reason));
                alerts.alert(Severity.CRITICAL, "kill switch engaged by " + operator + " while session " + session.date()
                        + " is not open: " + reason);
            }
        }
    }

    /**
     * Releases the kill switch (the engine accepts it only from a person).
     *
     * @throws SessionNotOpenException when the session is not open
     */
    public void releaseKillSwitch(String operator, String reason) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(reason, "reason");
        feedOpen("release the kill switch", () -> new EngineEvent.KillSwitchReleased(clock.now(), operator, reason));
    }

    /**
     * Flatten all: kill switch on, every order cancelled (stops included), every position closed at market.
     *
     * @throws SessionNotOpenException when the session is not open
     */
    public void flattenAll(String operator) {
        Objects.requireNonNull(operator, "operator");
        feedOpen("flatten", () -> new EngineEvent.FlattenRequested(clock.now(), operator));
    }

    /**
     * Cancels {@code symbol}'s orders and closes its position at market.
     *
     * @throws SessionNotOpenException when the session is not open
     */
    public void forceClose(Symbol symbol, String operator) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(operator, "operator");
        feedOpen("force-close " + symbol, () -> new EngineEvent.ForceCloseRequested(clock.now(), symbol, operator));
    }

    /**
     * Stops driving the session: nothing more is fed by this day, the order-update subscription is closed, broker-side
     * orders (protective stops) stay in place; the journal already holds every event. Waits for a lifecycle call in
     * progress; a scan still fetching its inputs is not fed. Idempotent.
     */
    @Override
    public void close() {
        closing = true;
        synchronized (lifecycle) {
            if (status == DayStatus.CLOSED) {
                return;
            }
            status = DayStatus.CLOSED;
            runner.close();
            alerts.info("session " + session.date() + ": day closed; broker-side stops stay in place");
        }
    }

    // ---- internals ---------------------------------------------------------------------------------------

    private ScanOutcome scanLocked() {
        ScanOutcome outcome = attemptScan();
        scanWanted = outcome.status().retried();
        ScanOutcome previous = lastScan;
        lastScan = outcome;
        if (previous == null || previous.status() != outcome.status()) {
            alerts.scan(outcome);
        }
        return outcome;
    }

    private ScanOutcome attemptScan() {
        if (closing) {
            return outcome(ScanOutcome.Status.CLOSED, 0, "");
        }
        if (status != DayStatus.RUNNING) {
            return outcome(ScanOutcome.Status.NOT_STARTED, 0, "no scan before the start-up reconciliation succeeds");
        }
        Phase phase = runner.state().phase();
        if (phase != Phase.AWAITING_SCAN) {
            return outcome(ScanOutcome.Status.PAST_SCAN, 0, "session is " + phase);
        }
        if (late && !plan.live().allowLateEntries()) {
            return outcome(ScanOutcome.Status.LATE_START, 0, "reconciled only after the scan time "
                    + DayPlan.newYorkTime(plan.scanAt(session)) + ": no entries today (live.allowLateEntries=false);"
                    + " positions are still managed and closed at EOD");
        }
        ScanGatherer.Result in = gatherer.gather();
        in.warnings().forEach(w -> alerts.alert(Severity.WARNING, "scan of " + session.date() + ": " + w));
        if (in.failure() != null) {
            return outcome(in.failure(), 0, in.detail());
        }
        if (closing) {
            return outcome(ScanOutcome.Status.CLOSED, 0, "closed while the scan's inputs were fetched: nothing fed");
        }
        runner.feed(new EngineEvent.ScanReady(clock.now(), in.universe(), in.bars(), in.history(), in.assets()));
        return outcome(ScanOutcome.Status.FED, in.universe().size(), in.bars().size() + " of "
                + in.universe().size() + " universe symbols have opening-range bars");
    }

    /** Early, while there is still time to run the nightly sync before the scan. */
    /**
     * Early, while there is still time to run the nightly sync before the scan: warns when no universe is stored, else
     * rehearses the scan ({@link ScanRehearsal}, {@code live.scanRehearsals} times) and reads the stored volume
     * history once (both only warm caches and compiled code) when the scan is at least a minute away. A failed
     * rehearsal is a warning and changes nothing.
     */
    private void prepareForScan(Instant now) {
        List<DailyStats> universe;
        try {
            universe = storage.universe(session.date());
        } catch (RuntimeException e) {
            alerts.warn("could not read the universe of " + session.date() + ": " + e.getMessage());
            return;
        }
        if (universe.isEmpty()) {
            alerts.alert(Severity.WARNING, "no universe stored for " + session.date() + " yet: run the nightly sync before"
                    + " the scan at " + DayPlan.newYorkTime(plan.scanAt(session)) + ", or the day places no entries");
            return;
        }
        int times = plan.live().scanRehearsals();
        if (times == 0 || now.plus(REHEARSAL_MARGIN).isAfter(plan.scanAt(session))) {
            return;
        }
        try {
            long start = clock.monotonicNanos();
            int orders = ScanRehearsal.run(session, plan.config(), universe, times);
            gatherer.warmStoredHistory();
            alerts.info("session " + session.date() + ": scan rehearsed " + times + " times over " + universe.size()
                    + " symbols with made-up bars (" + orders + " made-up entries, nothing sent) in "
                    + (clock.monotonicNanos() - start) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            alerts.warn("session " + session.date() + ": scan rehearsal failed (nothing was affected): " + e);
        }
    }

    private ScanOutcome outcome(ScanOutcome.Status s, int symbols, String detail) {
        return new ScanOutcome(s, clock.now(), symbols, detail);
    }

    private void eodLocked() {
        if (eodFed || closing) {
            return;
        }
        scanWanted = false;
        if (runner.state().session() == null) {
            alerts.info("EOD of " + session.date() + ": the session never opened; nothing of orb's to close");
            return;
        }
        eodFed = true;
        runner.feed(new EngineEvent.EodReached(clock.now()));
    }

    private void tick(String what, Runnable action) {
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            if (status == DayStatus.REFUSED) {
                start();
                return; // a successful start has just reconciled
            }
            if (status != DayStatus.RUNNING) {
                return;
            }
            if (scanWanted) {
                if (clock.now().isBefore(SessionSchedule.latestEntryTime(session, plan.config()))) {
                    scanLocked();
                } else {
                    scanWanted = false;
                    alerts.scanAbandoned(lastScan);
                }
            }
            try {
                action.run(); // after EOD, the engine itself closes again what a failed close left open
                alerts.succeeded(what);
            } catch (RuntimeException e) {
                alerts.failed(what, e);
            }
        }
    }

    private boolean feedIfOpen(Supplier<EngineEvent> event) {
        if (closing || runner.state().session() == null) {
            return false;
        }
        runner.feed(event.get());
        return true;
    }

    private void feedOpen(String control, Supplier<EngineEvent> event) {
        if (!feedIfOpen(event)) {
            throw new SessionNotOpenException("cannot " + control + ": session " + session.date() + " is not open ("
                    + status + ")");
        }
    }

    /**
     * Holds the ports and the plan shared by every day; {@link #build} makes the day of one session. Reusable (the
     * scheduler builds a day per session with {@code builder::build}); not thread-safe while being configured.
     */
    public static final class Builder {
        private final DayPlan plan;
        private Broker broker;
        private Storage storage;
        private MarketData marketData;
        private OrbClock clock;
        private AssetSource assets;
        private SessionJournal journal;
        private EngineListener listener = EngineListener.NONE;

        private Builder(DayPlan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
        }

        /** Required: the broker that trades. */
        public Builder broker(Broker v) {
            broker = Objects.requireNonNull(v, "broker");
            return this;
        }

        /** Required: where the journal, the kill switch, the universe and the audit trail live. */
        public Builder storage(Storage v) {
            storage = Objects.requireNonNull(v, "storage");
            return this;
        }

        /** Required: the source of today's one-minute opening-range bars (a real-time feed when trading live). */
        public Builder marketData(MarketData v) {
            marketData = Objects.requireNonNull(v, "marketData");
            return this;
        }

        /** Required: the only source of time. */
        public Builder clock(OrbClock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /** Tradability of the universe; default {@link AssetSource#fromBroker} (one broker call per symbol). */
        public Builder assets(AssetSource v) {
            assets = Objects.requireNonNull(v, "assets");
            return this;
        }

        /** Where events are journaled; default a {@link StoredJournal} on the storage. */
        public Builder journal(SessionJournal v) {
            journal = Objects.requireNonNull(v, "journal");
            return this;
        }

        /** Observes decisions and receives every alert (the engine's and the day's); default none. */
        public Builder listener(EngineListener v) {
            listener = Objects.requireNonNull(v, "listener");
            return this;
        }

        /**
         * The day of {@code session}, with its own runner (one per session: a runner's state is one session's).
         *
         * @throws IllegalStateException when a required port is not set
         * @throws InvalidValueException when {@code session} is not the plan's calendar's session of its date
         */
        public TradingDay build(TradingSession session) {
            Objects.requireNonNull(session, "session");
            require(broker, "broker");
            require(storage, "storage");
            require(marketData, "marketData");
            require(clock, "clock");
            if (!plan.calendar().session(session.date()).equals(Optional.of(session))) {
                throw new InvalidValueException("TradingDay.session: " + session + " is not the calendar's session of "
                        + session.date());
            }
            SessionJournal j = journal != null ? journal : new StoredJournal(storage, clock);
            SessionRunner runner = new SessionRunner(new SessionEngine(plan.config()), broker, storage, clock, j,
                    listener);
            return new TradingDay(this, session, runner);
        }

        private static void require(Object v, String name) {
            if (v == null) {
                throw new IllegalStateException("TradingDay.Builder: " + name + " must be set");
            }
        }
    }
}
