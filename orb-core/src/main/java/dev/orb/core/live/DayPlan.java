package dev.orb.core.live;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.orb.core.config.ConfigException;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;

/**
 * The schedule of live trading days, as a pure function of the calendar and the configuration: which task is due
 * next after any instant. It reads no clock ({@code now} is always a parameter), so it is the same in a test, a
 * simulation and live trading.
 *
 * <p>A session's tasks, all on the session's New York date and in strictly increasing time order:
 * {@link TaskKind#SESSION_START} at open − {@code live.startLead}; {@link TaskKind#RECONCILE} every
 * {@code live.reconcileInterval} and {@link TaskKind#ACCOUNT_REFRESH} every {@code live.accountRefreshInterval}
 * after the open and before the close; {@link TaskKind#SCAN} at the end of the opening range +
 * {@code live.scanDelay}; {@link TaskKind#EOD} at close − {@code eod.minutesBeforeClose}; {@link TaskKind#NIGHTLY_SYNC}
 * at close + {@code live.nightlySyncDelay}. A tick that falls on the instant of another task is dropped (see
 * {@link TaskKind}). Days without a session have no tasks; open and close come from the calendar, so holidays,
 * early closes and daylight saving are the calendar's.
 *
 * <p>Immutable and thread-safe when the calendar is.
 */
public final class DayPlan {
    private static final int MAX_DAYS_WITHOUT_SESSION = 31;

    private final TradingCalendar calendar;
    private final OrbConfig config;
    private final LiveConfig live;
    private final long refreshNanos;
    private final long reconcileNanos;

    /**
     * @throws ConfigException when the scan would fall outside the engine's entry window ({@code live.scanDelay}
     *     not below {@code scan.maxDelayMinutes}) or, on a 13:00 early close, at or after EOD
     */
    public DayPlan(TradingCalendar calendar, OrbConfig config, LiveConfig live) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.config = Objects.requireNonNull(config, "config");
        this.live = Objects.requireNonNull(live, "live");
        this.refreshNanos = live.accountRefreshInterval().toNanos();
        this.reconcileNanos = live.reconcileInterval().toNanos();
        List<String> problems = new ArrayList<>();
        if (live.scanDelay().compareTo(Duration.ofMinutes(config.scanMaxDelayMinutes())) >= 0) {
            problems.add("live.scanDelay: " + live.scanDelay() + " must be below scan.maxDelayMinutes ("
                    + config.scanMaxDelayMinutes() + " min), or no entry could ever be sent");
        }
        TradingSession shortest = TradingSession.of(LocalDate.of(2024, 11, 29), MarketTime.REGULAR_OPEN,
                MarketTime.EARLY_CLOSE);
        if (!scanAt(shortest).isBefore(eodAt(shortest))) {
            problems.add("live.scanDelay: " + live.scanDelay() + " puts the scan at or after EOD on an early close"
                    + " (or.minutes " + config.openingRangeMinutes() + ", eod.minutesBeforeClose "
                    + config.eodMinutesBeforeClose() + ")");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** The exchange calendar the plan follows. */
    public TradingCalendar calendar() {
        return calendar;
    }

    /** The strategy's configuration (opening-range length, EOD, entry window). */
    public OrbConfig config() {
        return config;
    }

    /** The day's timing. */
    public LiveConfig live() {
        return live;
    }

    /** When {@code session} is started and reconciled: open − {@code live.startLead}. */
    public Instant startAt(TradingSession session) {
        return session.openInstant().minus(live.startLead());
    }

    /** When {@code session} is scanned: the end of the opening range + {@code live.scanDelay}. */
    public Instant scanAt(TradingSession session) {
        return SessionSchedule.scanTime(session, config).plus(live.scanDelay());
    }

    /** End of day of {@code session}: close − {@code eod.minutesBeforeClose} (12:55 on a 13:00 early close). */
    public Instant eodAt(TradingSession session) {
        return SessionSchedule.eodTime(session, config);
    }

    /** When the nightly sync runs after {@code session}: close + {@code live.nightlySyncDelay}. */
    public Instant nightlySyncAt(TradingSession session) {
        return session.closeInstant().plus(live.nightlySyncDelay());
    }

    /**
     * The session being traded at {@code now}: the one whose {@link #startAt start} ≤ now &lt; close. A host that
     * comes up at such an instant starts that session at once (a late start, if after the scan).
     */
    public Optional<TradingSession> sessionAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return calendar.session(now.atZone(MarketTime.NEW_YORK).toLocalDate())
                .filter(s -> !now.isBefore(startAt(s)) && now.isBefore(s.closeInstant()));
    }

    /**
     * Every task of {@code date} in time order; empty when the exchange is closed that day.
     */
    public List<ScheduledTask> tasks(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Optional<TradingSession> maybe = calendar.session(date);
        if (maybe.isEmpty()) {
            return List.of();
        }
        TradingSession s = maybe.get();
        List<ScheduledTask> all = new ArrayList<>(List.of(
                new ScheduledTask(TaskKind.SESSION_START, s, startAt(s)),
                new ScheduledTask(TaskKind.SCAN, s, scanAt(s)),
                new ScheduledTask(TaskKind.EOD, s, eodAt(s)),
                new ScheduledTask(TaskKind.NIGHTLY_SYNC, s, nightlySyncAt(s))));
        for (TaskKind kind : List.of(TaskKind.RECONCILE, TaskKind.ACCOUNT_REFRESH)) {
            Duration every = kind == TaskKind.RECONCILE ? live.reconcileInterval() : live.accountRefreshInterval();
            for (Instant t = s.openInstant().plus(every); t.isBefore(s.closeInstant()); t = t.plus(every)) {
                all.add(new ScheduledTask(kind, s, t));
            }
        }
        all.sort(Comparator.comparing(ScheduledTask::at).thenComparing(ScheduledTask::kind));
        List<ScheduledTask> out = new ArrayList<>();
        for (ScheduledTask t : all) {
            if (out.isEmpty() || !out.get(out.size() - 1).at().equals(t.at())) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The first task due strictly after {@code after}, whatever day that is (weekends and holidays skipped).
     * Constant work per call (the ticks are computed, not listed): cheap enough to call after every task.
     *
     * @throws InvalidValueException when the calendar has no session within 31 days, or cannot answer
     */
    public ScheduledTask next(Instant after) {
        Objects.requireNonNull(after, "after");
        LocalDate day = after.atZone(MarketTime.NEW_YORK).toLocalDate();
        for (int i = 0; i <= MAX_DAYS_WITHOUT_SESSION; i++, day = day.plusDays(1)) {
            Optional<TradingSession> s = calendar.session(day);
            if (s.isPresent()) {
                ScheduledTask t = nextIn(s.get(), after);
                if (t != null) {
                    return t;
                }
            }
        }
        throw new InvalidValueException("DayPlan: no session within " + MAX_DAYS_WITHOUT_SESSION + " days after "
                + after);
    }

    /**
     * The first task of {@code s} after {@code after}, or null when its last task is not after it. Candidates are
     * offered in {@link TaskKind} order and a later one wins only when strictly earlier, which drops a tick that
     * falls on the instant of another task.
     */
    private ScheduledTask nextIn(TradingSession s, Instant after) {
        ScheduledTask best = earliest(null, TaskKind.SESSION_START, s, startAt(s), after);
        best = earliest(best, TaskKind.SCAN, s, scanAt(s), after);
        best = earliest(best, TaskKind.EOD, s, eodAt(s), after);
        best = earliest(best, TaskKind.NIGHTLY_SYNC, s, nightlySyncAt(s), after);
        best = earliest(best, TaskKind.RECONCILE, s, nextTick(s, reconcileNanos, after), after);
        return earliest(best, TaskKind.ACCOUNT_REFRESH, s, nextTick(s, refreshNanos, after), after);
    }

    /** The first tick open + k·interval (k ≥ 1) after {@code after} and before the close; null when none is left. */
    private static Instant nextTick(TradingSession s, long intervalNanos, Instant after) {
        Instant open = s.openInstant();
        long k = 1;
        if (after.isAfter(open)) {
            k = Math.floorDiv(Duration.between(open, after).toNanos(), intervalNanos) + 1;
        }
        Instant t = open.plusNanos(k * intervalNanos);
        return t.isBefore(s.closeInstant()) ? t : null;
    }

    private static ScheduledTask earliest(ScheduledTask best, TaskKind kind, TradingSession s, Instant at,
                                          Instant after) {
        if (at == null || !at.isAfter(after) || (best != null && !at.isBefore(best.at()))) {
            return best;
        }
        return new ScheduledTask(kind, s, at);
    }

    /** The New York wall-clock time of {@code at}, for messages. */
    static LocalTime newYorkTime(Instant at) {
        return at.atZone(MarketTime.NEW_YORK).toLocalTime();
    }
}
