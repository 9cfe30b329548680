package dev.orb.core.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingSession;
import dev.orb.ports.OrbClock;

/**
 * Runs the {@link DayPlan} on the clock port: opens a {@link TradingDay} per session, calls its lifecycle at the
 * planned instants, closes it and runs the nightly sync after the close.
 *
 * <p>Two ways to drive it, with the same semantics:
 * <ul>
 *   <li><b>Real time</b> ({@link #start()}): a single scheduler thread sleeps until the next task — the delay is
 *       computed from {@link OrbClock#now()} and capped at {@link Builder#maxSleep} (30 s), and the plan is asked
 *       again after every wake-up, so a clock step or a daylight-saving change is noticed within the cap.
 *   <li><b>Stepped</b> ({@link #runDue()}, {@link #advanceTo}): the caller owns time. {@code runDue()} runs every
 *       task due at or before {@code clock.now()}; {@code advanceTo(t, clock::set)} moves a simulated clock to each
 *       task's instant in turn and runs it, so tests and accelerated demos see every task at its own time.
 * </ul>
 *
 * <p>Tasks run in plan order, one at a time, each at most once. Coming up in the middle of a session (a late start or
 * a restart), the scheduler first runs that session's start, then its overdue tasks: the day catches up (a late
 * start places no entries unless allowed; past EOD it closes at once) and periodic ticks that a newer tick of the
 * same kind supersedes are skipped. A task that throws is logged and does not stop the schedule.
 *
 * <p>Thread-safe. {@link #close()} may be called from any thread (a shutdown hook) and does not wait for the
 * schedule's monitor.
 */
public final class LiveScheduler implements AutoCloseable {
    /** Longest sleep between two looks at the clock in real time. */
    public static final Duration DEFAULT_MAX_SLEEP = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(LiveScheduler.class);

    private final DayPlan plan;
    private final OrbClock clock;
    private final Function<TradingSession, TradingDay> days;
    private final Consumer<TradingSession> nightlySync;
    private final Duration maxSleep;
    /** Guards the executor fields; never held while a task runs. */
    private final Object timer = new Object();
    /** Instant of the last task taken from the plan (guarded by this). */
    private Instant cursor;
    private volatile TradingDay current;
    private volatile boolean closed;
    private ScheduledExecutorService executor;
    private boolean ownExecutor;
    private ScheduledFuture<?> pending;

    private LiveScheduler(Builder b) {
        plan = b.plan;
        clock = b.clock;
        days = b.days;
        nightlySync = b.nightlySync;
        maxSleep = b.maxSleep;
    }

    /**
     * @param days makes the day of a session, typically {@code TradingDay.builder(plan)…::build}
     */
    public static Builder builder(DayPlan plan, OrbClock clock, Function<TradingSession, TradingDay> days) {
        return new Builder(plan, clock, days);
    }

    /** The day being driven, if any (between a session's start and its nightly sync). */
    public Optional<TradingDay> currentDay() {
        return Optional.ofNullable(current);
    }

    /** The next task the scheduler will run (it may already be due). */
    public synchronized ScheduledTask nextTask() {
        return plan.next(cursor());
    }

    /** Runs, in order, every task due at or before {@link OrbClock#now()}. Blocks while they run. */
    public synchronized void runDue() {
        Instant now = clock.now();
        Instant from = cursor();
        while (!closed) {
            ScheduledTask task = plan.next(from);
            if (task.at().isAfter(now)) {
                return;
            }
            from = task.at();
            cursor = from;
            if (task.kind().periodic() && !task.at().plus(interval(task.kind())).isAfter(now)) {
                continue; // a newer tick of the same kind is due as well: running both would repeat it
            }
            run(task);
            now = clock.now();
        }
    }

    /**
     * Stepped mode: moves the clock to each task due up to {@code until} and runs it, then moves the clock to
     * {@code until}. {@code moveClock} must set the clock the scheduler reads (e.g. {@code manualClock::set}).
     *
     * @throws IllegalStateException if {@code moveClock} did not move the clock
     */
    public void advanceTo(Instant until, Consumer<? super Instant> moveClock) {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(moveClock, "moveClock");
        while (!closed) {
            ScheduledTask next = nextTask();
            if (next.at().isAfter(until)) {
                break;
            }
            moveTo(next.at(), moveClock);
            runDue();
        }
        moveTo(until, moveClock);
        runDue();
    }

    /**
     * Real-time mode on a thread of its own ("orb-live-scheduler", not a daemon: it keeps the JVM alive until
     * {@link #close()} shuts it down).
     *
     * @throws IllegalStateException if already started
     */
    public void start() {
        start(Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "orb-live-scheduler")), true);
    }

    /**
     * Real-time mode on {@code executor}, which the caller owns (and shuts down); one task of the scheduler runs
     * on it at a time.
     *
     * @throws IllegalStateException if already started
     */
    public void start(ScheduledExecutorService executor) {
        start(executor, false);
    }

    /**
     * Stops scheduling and closes the current day (its subscription; broker-side stops stay; the journal holds the
     * state). Waits for a day's lifecycle call in progress, not for the rest of the schedule. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        synchronized (timer) {
            if (pending != null) {
                pending.cancel(false);
            }
            if (ownExecutor) {
                executor.shutdown();
            }
        }
        closeCurrent();
    }

    // ---- internals ---------------------------------------------------------------------------------------

    private Instant cursor() {
        if (cursor == null) {
            Instant now = clock.now();
            // inside a session's window, start from its beginning so that its start runs first and the day catches up
            cursor = plan.sessionAt(now).map(plan::startAt).orElse(now).minusNanos(1);
        }
        return cursor;
    }

    private Duration interval(TaskKind kind) {
        return kind == TaskKind.RECONCILE ? plan.live().reconcileInterval() : plan.live().accountRefreshInterval();
    }

    private void run(ScheduledTask task) {
        if (task.kind().periodic()) {
            log.debug("{}", task);
        } else {
            log.info("{}", task);
        }
        try {
            switch (task.kind()) {
                case SESSION_START -> open(task.session());
                case SCAN -> dayOf(task.session()).scan();
                case EOD -> dayOf(task.session()).eod();
                case ACCOUNT_REFRESH -> dayOf(task.session()).refreshAccount();
                case RECONCILE -> dayOf(task.session()).reconcile();
                case NIGHTLY_SYNC -> {
                    closeCurrent();
                    nightlySync.accept(task.session());
                }
            }
        } catch (RuntimeException e) {
            log.error("{} failed", task, e);
        }
    }

    private TradingDay dayOf(TradingSession session) {
        TradingDay d = current;
        return d != null && d.session().equals(session) ? d : open(session);
    }

    private TradingDay open(TradingSession session) {
        TradingDay d = current;
        if (d != null && d.session().equals(session)) {
            d.start();
            return d;
        }
        closeCurrent();
        d = Objects.requireNonNull(days.apply(session), "days.apply(" + session.date() + ")");
        current = d;
        if (closed) {
            d.close(); // close() ran while the day was being made
            return d;
        }
        d.start();
        return d;
    }

    private void closeCurrent() {
        TradingDay d = current;
        current = null;
        if (d != null) {
            d.close();
        }
    }

    private void moveTo(Instant t, Consumer<? super Instant> moveClock) {
        if (t.isAfter(clock.now())) {
            moveClock.accept(t);
            if (clock.now().isBefore(t)) {
                throw new IllegalStateException("LiveScheduler.advanceTo: moveClock left the clock at " + clock.now()
                        + ", before " + t);
            }
        }
    }

    private void start(ScheduledExecutorService ex, boolean own) {
        Objects.requireNonNull(ex, "executor");
        synchronized (timer) {
            if (executor != null) {
                throw new IllegalStateException("LiveScheduler already started");
            }
            executor = ex;
            ownExecutor = own;
        }
        schedule(Duration.ZERO);
    }

    private void tick() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.error("scheduler tick failed", e);
        }
        Duration wait = maxSleep;
        try {
            wait = Duration.between(clock.now(), nextTask().at());
        } catch (RuntimeException e) {
            log.error("no next task: looking again in {}", maxSleep, e);
        }
        schedule(wait.isNegative() ? Duration.ZERO : wait.compareTo(maxSleep) > 0 ? maxSleep : wait);
    }

    private void schedule(Duration wait) {
        synchronized (timer) {
            if (closed) {
                return;
            }
            try {
                pending = executor.schedule(this::tick, wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                log.warn("scheduler executor refused the next tick (shut down?): schedule stopped");
            }
        }
    }

    /** Configures a {@link LiveScheduler}. Not thread-safe. */
    public static final class Builder {
        private final DayPlan plan;
        private final OrbClock clock;
        private final Function<TradingSession, TradingDay> days;
        private Consumer<TradingSession> nightlySync = s ->
                log.warn("no nightly sync configured: the universe of the session after {} must come from elsewhere",
                        s.date());
        private Duration maxSleep = DEFAULT_MAX_SLEEP;

        private Builder(DayPlan plan, OrbClock clock, Function<TradingSession, TradingDay> days) {
            this.plan = Objects.requireNonNull(plan, "plan");
            this.clock = Objects.requireNonNull(clock, "clock");
            this.days = Objects.requireNonNull(days, "days");
        }

        /**
         * What runs at {@link TaskKind#NIGHTLY_SYNC}, given the session that closed — typically
         * {@code s -> nightlySync.run()} ({@code NightlySync} prepares the next session). Runs on the scheduler's
         * thread; exceptions are logged. Default: a warning that none is configured.
         */
        public Builder nightlySync(Consumer<TradingSession> job) {
            nightlySync = Objects.requireNonNull(job, "job");
            return this;
        }

        /** Longest sleep in real time between two looks at the clock (default 30 s); in (0, 1 h]. */
        public Builder maxSleep(Duration v) {
            Objects.requireNonNull(v, "maxSleep");
            if (v.isNegative() || v.isZero() || v.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidValueException("LiveScheduler.maxSleep: " + v + " must be in (0, PT1H]");
            }
            maxSleep = v;
            return this;
        }

        /** The scheduler, idle until {@link LiveScheduler#start()} or a first {@link LiveScheduler#runDue()}. */
        public LiveScheduler build() {
            return new LiveScheduler(this);
        }
    }
}
