/**
 * The nightly data sync (architecture.md "Data flow": daily bars → daily stats → universe), as a service on the
 * ports: {@link dev.orb.core.sync.NightlySync} fetches the daily bars of the last sessions through
 * {@link dev.orb.ports.MarketData} (skipping dates already stored, so a rerun resumes), computes the statistics
 * and the universe of the next session with the rules of {@code dev.orb.core.strategy}, stores them through
 * {@link dev.orb.ports.MarketStore}, prunes old bars and backfills the opening-range volumes that relative volume
 * needs. The app's scheduler, the dashboard's {@code POST /api/scanner/sync} and tests with in-memory fakes all use
 * the same service. Progress goes to the log and to a {@link dev.orb.core.sync.SyncListener}.
 *
 * <p>Nothing in this package accepts or returns null unless its Javadoc says so.
 */
package dev.orb.core.sync;
