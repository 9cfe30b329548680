/**
 * Read-side queries and maintenance for the dashboard and the JSON API: paginated, filtered views of the
 * audit trail (trades, signal → order → broker event → fill chains with their latencies), logs, the equity
 * curve, the day's opening ranges, the universe and the kill switch's history, plus retention clean-up.
 *
 * <p>These interfaces sit beside {@link dev.orb.ports.Storage} rather than in it: the session engine never
 * reads through them, so an in-memory store for backtests does not have to implement them. orb-adapter-jdbc
 * implements them on H2 and PostgreSQL. Nothing here is null unless its Javadoc says so; returned
 * collections are unmodifiable snapshots.
 */
package dev.orb.ports.query;
