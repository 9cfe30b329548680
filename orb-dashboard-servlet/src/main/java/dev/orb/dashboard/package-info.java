/**
 * The orb dashboard as one drop-in jakarta servlet: {@link dev.orb.dashboard.DashboardServlet} serves the live,
 * signals, history and logs pages, the JSON API, the live stream and its own assets wherever it is mounted;
 * {@link dev.orb.dashboard.DashboardConfig} holds the ports it reads; {@link dev.orb.dashboard.DashboardControls}
 * (with {@link dev.orb.dashboard.SessionControls} over a session runner) is what its operator may do;
 * {@link dev.orb.dashboard.LiveFeed} turns the engine's decisions into stream events;
 * {@link dev.orb.dashboard.DashboardWebSocket} adds {@code /ws/live}.
 *
 * <p>Nothing here is null unless its Javadoc says so. Everything in {@code dev.orb.dashboard.internal} may change
 * at any time and is not for use outside this module.
 */
package dev.orb.dashboard;
