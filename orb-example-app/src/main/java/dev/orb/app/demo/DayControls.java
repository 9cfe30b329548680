package dev.orb.app.demo;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import dev.orb.core.live.LiveScheduler;
import dev.orb.core.live.SessionNotOpenException;
import dev.orb.core.live.TradingDay;
import dev.orb.dashboard.ControlResult;
import dev.orb.dashboard.DashboardControls;
import dev.orb.dashboard.ServiceReport;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingMode;
import dev.orb.ports.OrbClock;
import dev.orb.ports.SystemStateStore;

/**
 * The dashboard's controls over a {@link LiveScheduler}: each action goes to the {@link TradingDay} the scheduler
 * is driving, under a monitor shared with whatever else drives it (the demo's replay steps). The kill switch can
 * be engaged between sessions too (persisted, it holds when the next one opens); release, flatten and force-close
 * need an open session and are refused otherwise. The mode is fixed for the process (switching means restarting
 * with other keys), and the scan and sync run on the schedule only.
 *
 * <p>Thread-safe.
 */
public final class DayControls implements DashboardControls {
    private final LiveScheduler scheduler;
    private final SystemStateStore state;
    private final Object lock;
    private final OrbClock clock;
    private final TradingMode mode;

    /**
     * @param scheduler the scheduler whose current day receives the actions
     * @param state     where the kill switch is persisted
     * @param lock      the monitor that serialises the actions with the day's other drivers
     * @param clock     the clock that stamps a kill switch persisted between sessions
     * @param mode      the process's trading mode
     */
    public DayControls(LiveScheduler scheduler, SystemStateStore state, Object lock, OrbClock clock,
                       TradingMode mode) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.state = Objects.requireNonNull(state, "state");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public KillSwitchState killSwitch() {
        return state.killSwitch();
    }

    @Override
    public ControlResult engageKillSwitch(String operator, String reason) {
        synchronized (lock) {
            Optional<TradingDay> day = scheduler.currentDay();
            if (day.isPresent()) {
                day.get().engageKillSwitch(operator, reason);
            } else if (!state.killSwitch().engaged()) {
                state.saveKillSwitch(new KillSwitchState(true, operator, clock.now(), reason));
            }
        }
        return ControlResult.accepted("kill switch engaged");
    }

    @Override
    public ControlResult releaseKillSwitch(String operator, String reason) {
        return onOpenDay(day -> day.releaseKillSwitch(operator, reason), "kill switch released");
    }

    @Override
    public ControlResult flattenAll(String operator) {
        return onOpenDay(day -> day.flattenAll(operator), "flatten requested: kill switch on, everything closing");
    }

    @Override
    public ControlResult forceClose(Symbol symbol, String operator) {
        return onOpenDay(day -> day.forceClose(symbol, operator), "force-close of " + symbol + " requested");
    }

    /** The process's mode. */
    @Override
    public TradingMode tradingMode() {
        return mode;
    }

    /** Refused: the mode is chosen at start (`orb run`, `orb run --live`, or the demo). */
    @Override
    public ControlResult switchTradingMode(TradingMode target, boolean confirmed, String operator) {
        return ControlResult.refused("the mode is fixed for this process (" + mode + "); restart `orb run` with"
                + " or without --live to change it");
    }

    /** Refused: the scan runs on its schedule (the opening range's end plus the scan delay). */
    @Override
    public ServiceReport runScan(String operator) {
        return ServiceReport.failed("the scan runs on its schedule only");
    }

    /** Refused: the sync runs after each close (or `orb sync` while the app is stopped). */
    @Override
    public ServiceReport syncMarketData(String operator) {
        return ServiceReport.failed("the sync runs after each close; `orb sync` runs it while the app is stopped");
    }

    /** The scheduler's next task and the day being driven. */
    @Override
    public ServiceReport scannerHealth() {
        String day = scheduler.currentDay().map(d -> d.session().date() + " " + d.status()).orElse("none");
        return ServiceReport.ok("day " + day + "; next task " + scheduler.nextTask());
    }

    private ControlResult onOpenDay(Consumer<TradingDay> action, String accepted) {
        synchronized (lock) {
            Optional<TradingDay> day = scheduler.currentDay();
            if (day.isEmpty()) {
                return ControlResult.refused("no session is being traded");
            }
            try {
                action.accept(day.get());
                return ControlResult.accepted(accepted);
            } catch (SessionNotOpenException e) {
                return ControlResult.refused(e.getMessage());
            }
        }
    }
}
