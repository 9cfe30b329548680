package dev.orb.ports;

import dev.orb.domain.KillSwitchState;
import dev.orb.domain.TradingMode;

/** Durable system state that must survive a restart. Safe for concurrent use. */
public interface SystemStateStore {
    /** The persisted kill switch ({@link KillSwitchState#initial()} on a fresh store). */
    KillSwitchState killSwitch();

    void saveKillSwitch(KillSwitchState state);

    /** The persisted trading mode (PAPER on a fresh store). */
    TradingMode tradingMode();

    void saveTradingMode(TradingMode mode);
}
