package dev.orb.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.orb.adapter.alpaca.AlpacaBroker;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.adapter.polygon.PolygonMarketData;
import dev.orb.app.demo.DashboardServer;
import dev.orb.app.demo.DayControls;
import dev.orb.app.ops.Operations;
import dev.orb.core.calendar.CalendarCrossCheck;
import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.live.DayPlan;
import dev.orb.core.live.LiveScheduler;
import dev.orb.core.live.TradingDay;
import dev.orb.core.sync.NightlySync;
import dev.orb.dashboard.DashboardConfig;
import dev.orb.dashboard.LiveFeed;
import dev.orb.domain.TradingMode;
import dev.orb.ports.OrbClock;
import dev.orb.ports.TradingCalendar;

/**
 * {@code orb run}: trades on Alpaca (paper by default) with Polygon for the nightly sync, on the system clock and
 * the NYSE calendar, with the dashboard. Start-up reconciliation runs before any trading (a day that cannot
 * reconcile refuses to trade and retries). SIGTERM or Ctrl-C closes the scheduler, the dashboard, the adapters and
 * the database; broker-side stops stay in place.
 *
 * <p>{@code --live} trades real money: it needs the confirmation phrase typed on standard input, or
 * {@code --i-understand-live-trading} for automation; it is refused otherwise.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Trade on Alpaca paper (or --live) with Polygon for the nightly sync, with the dashboard.")
final class RunCommand implements Callable<Integer> {
    /** What must be typed to confirm live trading. */
    static final String CONFIRMATION = "TRADE REAL MONEY";

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final InputStream stdin;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    AppOptions app;

    @Option(names = "--live", description = "Trade the live account (real money)")
    boolean live;

    @Option(names = "--i-understand-live-trading", description = "Confirms --live without the typed phrase")
    boolean confirmedLive;

    @Option(names = "--host", paramLabel = "ADDR", description = "Dashboard interface (default: dashboard.host or"
            + " 127.0.0.1)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Dashboard port (default: dashboard.port or 8080)")
    Integer port;

    RunCommand(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = app.config();
        config.require("run", "alpaca.keyId", "alpaca.secretKey", "polygon.apiKey");
        PrintWriter out = spec.commandLine().getOut();
        TradingMode mode = live ? TradingMode.LIVE : TradingMode.PAPER;
        if (live && !confirmedLive && !confirmedOnStdin(out)) {
            spec.commandLine().getErr().println("orb run: live trading not confirmed; nothing started");
            return CommandLine.ExitCode.USAGE;
        }
        OrbClock clock = OrbClock.system();
        TradingCalendar calendar = NyseCalendar.standard();
        JdbcStorage storage = app.openStorage(config);
        AlpacaBroker broker = AlpacaBroker.create(AppOptions.alpaca(config, mode));
        PolygonMarketData polygon = PolygonMarketData.create(AppOptions.polygon(config));
        crossCheckCalendar(calendar, broker, clock, out);
        DayPlan plan = new DayPlan(calendar, config.strategy(), config.live());
        AtomicReference<LiveScheduler> schedulerRef = new AtomicReference<>();
        Operations ops = new Operations(storage, broker, clock, () -> String.valueOf(schedulerRef.get().nextTask()));
        NightlySync sync = NightlySync.builder(polygon, storage, calendar, clock).config(config.strategy())
                .listener(ops.syncListener()).build();
        LiveFeed feed = new LiveFeed(clock);
        TradingDay.Builder days = TradingDay.builder(plan).broker(broker).storage(storage)
                .marketData(broker.marketData()).clock(clock).listener(feed);
        LiveScheduler scheduler = LiveScheduler.builder(plan, clock, days::build).nightlySync(s -> sync.run()).build();
        schedulerRef.set(scheduler);
        String password = newPassword();
        DashboardConfig dashboard = DashboardConfig.builder(clock, broker, storage, storage)
                .liveFeed(feed)
                .controls(new DayControls(scheduler, storage, new Object(), clock, mode))
                .logStore(storage)
                .maintenance(storage, storage)
                .basicAuth("operator", password)
                .redact(config.get("alpaca.keyId").orElseThrow(), config.get("alpaca.secretKey").orElseThrow(),
                        config.get("polygon.apiKey").orElseThrow())
                .build();
        String bind = host != null ? host : config.get("dashboard.host").orElse("127.0.0.1");
        int p = port != null ? port : config.get("dashboard.port").map(Integer::parseInt).orElse(8080);
        DashboardServer server = DashboardServer.start(dashboard, bind, p, ops.servlet());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // graceful: no more scheduling; the journal holds every event; broker-side stops stay
            scheduler.close();
            server.close();
            broker.close();
            polygon.close();
            storage.close();
            stopped.countDown();
        }, "orb-shutdown"));
        out.printf("orb run: %s trading; next task %s%n", mode, scheduler.nextTask());
        out.printf("dashboard: http://%s:%d/  user: operator  password: %s%n", bind, server.port(), password);
        out.flush();
        scheduler.start();
        stopped.await();
        return 0;
    }

    private boolean confirmedOnStdin(PrintWriter out) {
        out.printf("LIVE trading with real money. Type %s to continue: ", CONFIRMATION);
        out.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return line != null && CONFIRMATION.equals(line.trim());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the confirmation", e);
        }
    }

    /** Warns (log and console) on every date of the coming 60 days where Alpaca's calendar and NYSE's differ. */
    private static void crossCheckCalendar(TradingCalendar nyse, AlpacaBroker broker, OrbClock clock,
                                           PrintWriter out) {
        LocalDate today = clock.nowInNewYork().toLocalDate();
        try {
            List<CalendarCrossCheck.Mismatch> mismatches =
                    CalendarCrossCheck.compare(nyse, broker.calendar(), today, today.plusDays(60));
            for (CalendarCrossCheck.Mismatch m : mismatches) {
                LOG.warn("calendar mismatch on {}: NYSE {} vs Alpaca {}", m.date(), m.expected(), m.actual());
                out.printf("WARN calendar mismatch on %s: NYSE %s vs Alpaca %s%n", m.date(), m.expected(),
                        m.actual());
            }
        } catch (RuntimeException e) {
            LOG.warn("calendar cross-check with Alpaca failed: {}", e.toString());
            out.printf("WARN calendar cross-check with Alpaca failed: %s%n", e.getMessage());
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
