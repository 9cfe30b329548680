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
 * The dashboard's controls in the demo: each action goes to the {@link TradingDay} the scheduler is driving,
 * under the simulated broker's monitor so it never interleaves with a replay step. The kill switch can be engaged
 * between sessions too (persisted, it holds when the next one opens); release, flatten and force-close need an
 * open session and are refused otherwise. The demo has one mode, paper, and its scan and sync run on the
 * schedule only.
 *
 * <p>Thread-safe.
 */
public final class DemoControls implements DashboardControls {
    private final LiveScheduler scheduler;
    private final SystemStateStore state;
    private final DemoBroker broker;
    private final OrbClock clock;

    /**
     * @param scheduler the scheduler whose current day receives the actions
     * @param state     where the kill switch is persisted
     * @param broker    the demo broker, whose monitor serialises the actions with the replay
     * @param clock     the simulated clock
     */
    public DemoControls(LiveScheduler scheduler, SystemStateStore state, DemoBroker broker, OrbClock clock) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.state = Objects.requireNonNull(state, "state");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public KillSwitchState killSwitch() {
        return state.killSwitch();
    }

    @Override
    public ControlResult engageKillSwitch(String operator, String reason) {
        synchronized (broker.lock()) {
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

    /** Always {@link TradingMode#PAPER}. */
    @Override
    public TradingMode tradingMode() {
        return TradingMode.PAPER;
    }

    /** Refused: the demo only ever trades on its simulated broker. */
    @Override
    public ControlResult switchTradingMode(TradingMode target, boolean confirmed, String operator) {
        return ControlResult.refused("the demo trades on a simulated broker only; run `orb run` for paper or live");
    }

    /** Refused: the replay scans on its schedule (09:30 + the opening range). */
    @Override
    public ServiceReport runScan(String operator) {
        return ServiceReport.failed("the demo scans on its schedule only");
    }

    /** Refused: the replay syncs after each close. */
    @Override
    public ServiceReport syncMarketData(String operator) {
        return ServiceReport.failed("the demo syncs after each simulated close only");
    }

    /** The scheduler's next task and the day being driven. */
    @Override
    public ServiceReport scannerHealth() {
        String day = scheduler.currentDay().map(d -> d.session().date() + " " + d.status()).orElse("none");
        return ServiceReport.ok("demo replay; day " + day + "; next task " + scheduler.nextTask());
    }

    private ControlResult onOpenDay(Consumer<TradingDay> action, String accepted) {
        synchronized (broker.lock()) {
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
