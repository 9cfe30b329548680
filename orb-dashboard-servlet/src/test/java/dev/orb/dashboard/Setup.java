package dev.orb.dashboard;

import java.time.Duration;
import java.util.List;

import dev.orb.domain.TradingMode;

/** The dashboard configuration the tests use over a {@link TradingFixture}. */
final class Setup {
    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery";

    private Setup() {
    }

    /**
     * Controls over today's runner (the paper/live switch records into {@code switches}), Basic credentials, the
     * log tail and clean-up, and a fast push (200 ms) so that tests see updates quickly.
     */
    static DashboardConfig.Builder config(TradingFixture f, List<TradingMode> switches) {
        return embedded(f, switches).basicAuth(USER, PASSWORD);
    }

    /** Like {@link #config} without a Basic credential: only the host's principal authenticates (embedded). */
    static DashboardConfig.Builder embedded(TradingFixture f, List<TradingMode> switches) {
        SessionControls controls = SessionControls.builder(f.runner, f.broker, f.clock)
                .modeSwitch((mode, operator) -> switches.add(mode), f.storage)
                .build();
        return DashboardConfig.builder(f.clock, f.dashboardBroker, f.storage, f.audit)
                .liveFeed(f.feed)
                .controls(controls)
                .logStore(f.storage)
                .maintenance(f.maintenance, f.storage)
                .pushInterval(Duration.ofMillis(200))
                .brokerRefresh(Duration.ofMillis(200));
    }
}
