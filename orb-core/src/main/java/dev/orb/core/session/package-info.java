/**
 * The session engine: one trading session as a pure state machine,
 * {@link dev.orb.core.session.SessionEngine#decide decide(state, event) → (state', commands)}, and the small
 * shell ({@link dev.orb.core.session.SessionRunner}) that feeds it events, journals them and runs its commands
 * against the ports. Backtests, the demo and live trading all drive this one engine; only the adapters differ.
 */
package dev.orb.core.session;
