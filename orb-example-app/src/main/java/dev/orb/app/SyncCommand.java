package dev.orb.app;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.adapter.polygon.PolygonMarketData;
import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.sync.NightlySync;
import dev.orb.core.sync.SyncReport;
import dev.orb.ports.OrbClock;

/**
 * {@code orb sync}: one nightly sync against Polygon (daily bars, the next session's universe, opening-range
 * volumes). Needs {@code POLYGON_API_KEY}; refuses without. Exit code 1 when the sync fails.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Run the nightly sync once against Polygon (needs POLYGON_API_KEY).")
final class SyncCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    AppOptions app;

    @Override
    public Integer call() {
        AppConfig config = app.config();
        config.require("sync", "polygon.apiKey");
        try (JdbcStorage storage = app.openStorage(config);
             PolygonMarketData polygon = PolygonMarketData.create(AppOptions.polygon(config))) {
            NightlySync sync = NightlySync.builder(polygon, storage, NyseCalendar.standard(), OrbClock.system())
                    .config(config.strategy()).build();
            spec.commandLine().getOut().printf("syncing for %s (Polygon; minutes on a free plan)...%n",
                    sync.nextSession());
            spec.commandLine().getOut().flush();
            SyncReport report = sync.run();
            spec.commandLine().getOut().println(report);
            return report.completed() ? 0 : Main.EXIT_FAILED;
        }
    }
}
