package dev.orb.app;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.adapter.jdbc.JdbcStorage;
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
import dev.orb.ports.Broker;
import dev.orb.ports.MarketData;
import dev.orb.ports.OrbClock;
import dev.orb.ports.TradingCalendar;

/**
 * The live host behind {@code orb run}, on whatever adapters it is given: the NYSE calendar cross-checked with the
 * broker's, the {@link LiveScheduler} in real time on the clock (start-up reconciliation, scan, ticks, EOD, the
 * nightly sync with {@code history}), the dashboard with {@code /health} and {@code /metrics}. {@link #close()} is
 * the graceful shutdown: no more scheduling, the dashboard and the adapters closed, then the database; broker-side
 * orders (protective stops) are left alone.
 *
 * <p>Thread-safe; {@link #close()} is idempotent and may run from a shutdown hook.
 */
final class LiveApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveApp.class);

    /**
     * What the app trades with.
     *
     * @param broker         the broker
     * @param liveBars       today's one-minute bars in real time (the scan)
     * @param history        daily bars and past minute bars (the nightly sync)
     * @param brokerCalendar the broker's calendar to cross-check with NYSE's, if it has one
     * @param closeables     closed on shutdown, in order, after the scheduler and the dashboard
     * @param mode           paper or live
     * @param secrets        masked in the dashboard
     */
    record Adapters(Broker broker, MarketData liveBars, MarketData history, Optional<TradingCalendar> brokerCalendar,
                    List<AutoCloseable> closeables, TradingMode mode, List<String> secrets) {
        Adapters {
            Objects.requireNonNull(broker, "broker");
            Objects.requireNonNull(liveBars, "liveBars");
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(brokerCalendar, "brokerCalendar");
            closeables = List.copyOf(closeables);
            Objects.requireNonNull(mode, "mode");
            secrets = List.copyOf(secrets);
        }
    }

    private final LiveScheduler scheduler;
    private final DashboardServer server;
    private final JdbcStorage storage;
    private final Adapters adapters;
    private final String password;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LiveApp(LiveScheduler scheduler, DashboardServer server, JdbcStorage storage, Adapters adapters,
                    String password) {
        this.scheduler = scheduler;
        this.server = server;
        this.storage = storage;
        this.adapters = adapters;
        this.password = password;
    }

    /**
     * Wires and starts everything, printing the dashboard's address and its generated password (once) to
     * {@code out}. The storage and the adapters belong to the app from here on: {@link #close()} closes them.
     */
    static LiveApp start(AppConfig config, JdbcStorage storage, Adapters a, OrbClock clock, String host, int port,
                         PrintWriter out) {
        TradingCalendar calendar = NyseCalendar.standard();
        a.brokerCalendar().ifPresent(c -> crossCheck(calendar, c, clock, out));
        DayPlan plan = new DayPlan(calendar, config.strategy(), config.live());
        AtomicReference<LiveScheduler> ref = new AtomicReference<>();
        Operations ops = new Operations(storage, a.broker(), clock, () -> String.valueOf(ref.get().nextTask()));
        NightlySync sync = NightlySync.builder(a.history(), storage, calendar, clock).config(config.strategy())
                .listener(ops.syncListener()).build();
        LiveFeed feed = new LiveFeed(clock);
        TradingDay.Builder days = TradingDay.builder(plan).broker(a.broker()).storage(storage)
                .marketData(a.liveBars()).clock(clock).listener(feed);
        LiveScheduler scheduler = LiveScheduler.builder(plan, clock, days::build).nightlySync(s -> sync.run()).build();
        ref.set(scheduler);
        String password = newPassword();
        DashboardConfig dashboard = DashboardConfig.builder(clock, a.broker(), storage, storage)
                .liveFeed(feed)
                .controls(new DayControls(scheduler, storage, new Object(), clock, a.mode()))
                .logStore(storage)
                .maintenance(storage, storage)
                .basicAuth("operator", password)
                .redact(a.secrets().toArray(String[]::new))
                .build();
        DashboardServer server = DashboardServer.start(dashboard, host, port, ops.servlet());
        LiveApp app = new LiveApp(scheduler, server, storage, a, password);
        out.printf("orb run: %s trading; next task %s%n", a.mode(), scheduler.nextTask());
        out.printf("dashboard: http://%s:%d/  user: operator  password: %s%n", host, server.port(), password);
        out.flush();
        scheduler.start();
        return app;
    }

    /** The dashboard's bound port. */
    int port() {
        return server.port();
    }

    /** The dashboard password of this process. */
    String password() {
        return password;
    }

    /** The scheduler (its current day receives operator actions). */
    LiveScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.close();
        server.close();
        for (AutoCloseable c : adapters.closeables()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
        storage.close();
    }

    /** Warns (log and console) on every date of the coming 60 days where the broker's calendar and NYSE's differ. */
    static void crossCheck(TradingCalendar nyse, TradingCalendar broker, OrbClock clock, PrintWriter out) {
        LocalDate today = clock.nowInNewYork().toLocalDate();
        try {
            for (CalendarCrossCheck.Mismatch m : CalendarCrossCheck.compare(nyse, broker, today, today.plusDays(60))) {
                String nyseDay = m.expected().map(Object::toString).orElse("closed");
                String brokerDay = m.actual().map(Object::toString).orElse("closed");
                LOG.warn("calendar mismatch on {}: NYSE {} vs broker {}", m.date(), nyseDay, brokerDay);
                out.printf("WARN calendar mismatch on %s: NYSE %s vs broker %s%n", m.date(), nyseDay, brokerDay);
            }
        } catch (RuntimeException e) {
            LOG.warn("calendar cross-check with the broker failed: {}", e.toString());
            out.printf("WARN calendar cross-check with the broker failed: %s%n", e.getMessage());
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
