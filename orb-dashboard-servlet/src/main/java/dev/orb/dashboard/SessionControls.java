package dev.orb.dashboard;

import java.util.List;
import java.util.Objects;

import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.OpenPosition;
import dev.orb.core.session.SessionRunner;
import dev.orb.core.session.SessionState;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Order;
import dev.orb.domain.Position;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingMode;
import dev.orb.ports.Broker;
import dev.orb.ports.BrokerException;
import dev.orb.ports.OrbClock;
import dev.orb.ports.SystemStateStore;

/**
 * {@link DashboardControls} over a {@link SessionRunner}: each action is fed to the runner as the engine event
 * that means it ({@link EngineEvent.KillSwitchEngaged}, {@link EngineEvent.KillSwitchReleased},
 * {@link EngineEvent.FlattenRequested}, {@link EngineEvent.ForceCloseRequested}), stamped by the clock port, so
 * the engine applies, journals and persists it like any other event. Scanner jobs go to the host's
 * {@link ScannerServices}; the paper/live switch to the host's {@link ModeSwitch}.
 *
 * <p>Thread-safe. {@link SessionRunner#feed} applies the event before returning unless another thread is
 * applying one, in which case it is applied right after; the result reports the state seen on return.
 */
public final class SessionControls implements DashboardControls {
    private final SessionRunner runner;
    private final Broker broker;
    private final OrbClock clock;
    private final ScannerServices scanner;
    private final ModeSwitch modeSwitch;
    private final SystemStateStore modeStore;
    private TradingMode mode;

    private SessionControls(Builder b) {
        this.runner = b.runner;
        this.broker = b.broker;
        this.clock = b.clock;
        this.scanner = b.scanner;
        this.modeSwitch = b.modeSwitch;
        this.modeStore = b.modeStore;
        this.mode = b.modeStore != null ? b.modeStore.tradingMode() : b.broker.mode();
    }

    /**
     * Starts controls over {@code runner}.
     *
     * @param broker the runner's broker, asked whether the account is flat before a paper/live switch
     * @param clock  stamps the events
     */
    public static Builder builder(SessionRunner runner, Broker broker, OrbClock clock) {
        return new Builder(runner, broker, clock);
    }

    @Override
    public KillSwitchState killSwitch() {
        return runner.state().killSwitch();
    }

    @Override
    public ControlResult engageKillSwitch(String operator, String reason) {
        runner.feed(new EngineEvent.KillSwitchEngaged(clock.now(), operator, reason));
        return state("kill switch engaged");
    }

    @Override
    public ControlResult releaseKillSwitch(String operator, String reason) {
        runner.feed(new EngineEvent.KillSwitchReleased(clock.now(), operator, reason));
        return state("kill switch released");
    }

    @Override
    public ControlResult flattenAll(String operator) {
        SessionState before = runner.state();
        runner.feed(new EngineEvent.FlattenRequested(clock.now(), operator));
        return state("flatten requested: kill switch engaged, orders cancelled, " + before.openPositions()
                + " position(s) closing at market");
    }

    @Override
    public ControlResult forceClose(Symbol symbol, String operator) {
        Objects.requireNonNull(symbol, "symbol");
        SessionState s = runner.state();
        OpenPosition p = s.positions().get(symbol);
        boolean engineKnows = (p != null && p.openShares() > 0)
                || (s.entries().containsKey(symbol) && s.entries().get(symbol).status().isWorking());
        if (!engineKnows && brokerPositions().stream().noneMatch(x -> x.symbol().equals(symbol))) {
            return ControlResult.refused("no open position or working order in " + symbol);
        }
        runner.feed(new EngineEvent.ForceCloseRequested(clock.now(), symbol, operator));
        return ControlResult.accepted("force-close of " + symbol + " requested").with("symbol", symbol.value());
    }

    @Override
    public synchronized TradingMode tradingMode() {
        return mode;
    }

    @Override
    public ControlResult switchTradingMode(TradingMode target, boolean confirmed, String operator) {
        Objects.requireNonNull(target, "target");
        synchronized (this) {
            if (target == mode) {
                return ControlResult.accepted("already trading in " + target).with("mode", target.name());
            }
        }
        if (!confirmed) {
            return ControlResult.refused("switching to " + target + " needs an explicit confirmation");
        }
        if (modeSwitch == null) {
            return ControlResult.refused("this application cannot switch broker environments at runtime");
        }
        SessionState s = runner.state();
        List<Position> positions;
        List<Order> orders;
        try {
            positions = broker.positions();
            orders = broker.openOrders();
        } catch (BrokerException e) {
            return ControlResult.refused("the broker could not confirm that the account is flat: " + e.getMessage());
        }
        if (!s.isFlat() || !positions.isEmpty() || !orders.isEmpty()) {
            return ControlResult.refused("not flat: " + Math.max(s.openPositions(), positions.size())
                    + " open position(s), " + Math.max(s.workingEntries(), orders.size())
                    + " working order(s); flatten first");
        }
        synchronized (this) {
            modeSwitch.switchTo(target, operator);
            if (modeStore != null) {
                modeStore.saveTradingMode(target);
            }
            mode = target;
        }
        return ControlResult.accepted("now trading in " + target).with("mode", target.name());
    }

    @Override
    public ServiceReport runScan(String operator) {
        return scanner.runScan(operator);
    }

    @Override
    public ServiceReport syncMarketData(String operator) {
        return scanner.syncMarketData(operator);
    }

    @Override
    public ServiceReport scannerHealth() {
        return scanner.health();
    }

    private List<Position> brokerPositions() {
        try {
            return broker.positions();
        } catch (BrokerException e) {
            return List.of();
        }
    }

    private ControlResult state(String message) {
        KillSwitchState k = runner.state().killSwitch();
        return ControlResult.accepted(message).with("killSwitch", k.engaged() ? "engaged" : "released")
                .with("by", k.by());
    }

    /**
     * Moves the host to the other broker environment (new keys, new endpoint): called only when the account is
     * flat and the operator confirmed. Runs on a request thread; throwing aborts the switch.
     */
    @FunctionalInterface
    public interface ModeSwitch {
        void switchTo(TradingMode target, String operator);
    }

    /** Builds {@link SessionControls}. Not thread-safe. */
    public static final class Builder {
        private final SessionRunner runner;
        private final Broker broker;
        private final OrbClock clock;
        private ScannerServices scanner = ScannerServices.NONE;
        private ModeSwitch modeSwitch;
        private SystemStateStore modeStore;

        private Builder(SessionRunner runner, Broker broker, OrbClock clock) {
            this.runner = Objects.requireNonNull(runner, "runner");
            this.broker = Objects.requireNonNull(broker, "broker");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The host's scanner jobs (default {@link ScannerServices#NONE}). */
        public Builder scanner(ScannerServices services) {
            this.scanner = Objects.requireNonNull(services, "services");
            return this;
        }

        /**
         * Enables the paper/live switch (default: refused): {@code modeSwitch} moves the host, {@code store}
         * persists the mode, which is also the mode shown at start.
         */
        public Builder modeSwitch(ModeSwitch newModeSwitch, SystemStateStore store) {
            this.modeSwitch = Objects.requireNonNull(newModeSwitch, "modeSwitch");
            this.modeStore = Objects.requireNonNull(store, "store");
            return this;
        }

        public SessionControls build() {
            return new SessionControls(this);
        }
    }
}
