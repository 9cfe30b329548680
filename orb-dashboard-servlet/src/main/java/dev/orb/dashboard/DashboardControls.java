package dev.orb.dashboard;

import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingMode;

/**
 * What the dashboard's operator may do. The dashboard calls these only for an authenticated user, with a valid
 * CSRF token and within the rate limit; {@code operator} is that user as {@code operator:<name>}.
 *
 * <p>{@link SessionControls} implements it over a {@link dev.orb.core.session.SessionRunner}; a host may write
 * its own (for example to route actions to another process). Implementations must be safe for concurrent use and
 * answer promptly: the request thread waits. A refusal is a {@link ControlResult#refused} result, never an
 * exception; an exception is reported to the operator as an internal error.
 */
public interface DashboardControls {
    /** The kill switch as the engine sees it now. */
    KillSwitchState killSwitch();

    /** Engages the kill switch: no new entries, working entries cancelled, protective stops kept. */
    ControlResult engageKillSwitch(String operator, String reason);

    /** Releases the kill switch; only a person can (there is no automatic release). */
    ControlResult releaseKillSwitch(String operator, String reason);

    /** Kill switch on, every order cancelled (stops included), every position closed at market. */
    ControlResult flattenAll(String operator);

    /** Cancels one symbol's orders and closes its position at market. */
    ControlResult forceClose(Symbol symbol, String operator);

    /** The broker environment orders go to now. */
    TradingMode tradingMode();

    /**
     * Switches the broker environment. Must refuse unless {@code confirmed} is true and nothing is open or working
     * (safety.md, Paper/live switch).
     */
    ControlResult switchTradingMode(TradingMode target, boolean confirmed, String operator);

    /** Runs today's scan now. */
    ServiceReport runScan(String operator);

    /** Syncs market data (daily bars, universe) now. */
    ServiceReport syncMarketData(String operator);

    /** The health of the scanner and data feeds. */
    ServiceReport scannerHealth();
}
