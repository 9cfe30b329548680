/**
 * Live and demo trading days on the ports: the schedule of a day ({@link dev.orb.core.live.DayPlan}), the driver
 * of one session around the session engine ({@link dev.orb.core.live.TradingDay}: start-up reconciliation, the
 * scan's inputs, EOD, account refresh, periodic reconciliation, operator controls) and the scheduler that runs the
 * plan on the clock port ({@link dev.orb.core.live.LiveScheduler}, in real time on an executor or stepped by the
 * caller for tests and accelerated simulations). The host supplies the adapters; docs/live.md shows how.
 *
 * <p>Threads live here, never in the engine or the rules. Nothing in this package reads the wall clock: every
 * instant comes from {@link dev.orb.ports.OrbClock} or is a parameter.
 *
 * <p>Nothing in this package accepts or returns null unless its Javadoc says so.
 */
package dev.orb.core.live;
