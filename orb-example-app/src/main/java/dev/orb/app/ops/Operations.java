package dev.orb.app.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.orb.core.sync.SyncListener;
import dev.orb.core.sync.SyncReport;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderStatus;
import dev.orb.ports.Broker;
import dev.orb.ports.OrbClock;
import dev.orb.ports.Storage;

/**
 * The operations endpoints: {@code GET /health} (JSON; 200 when the database and the broker answer, 503
 * otherwise) and {@code GET /metrics} (Micrometer, Prometheus text format). Neither shows a secret; both are
 * served without the dashboard's credential so that a monitor can scrape them — bind the app to a trusted
 * interface.
 *
 * <p>Metrics (read at scrape time from the database, the broker and the kill switch, so they survive restarts):
 * {@code orb_orders_submitted}, {@code orb_orders_rejected} and {@code orb_orders_filled} of the current session,
 * {@code orb_positions_open}, {@code orb_kill_switch_engaged} (1 or 0), and {@code orb_sync_duration_seconds}
 * (a timer of the nightly syncs of this process, by outcome). Thread-safe.
 */
public final class Operations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Storage storage;
    private final Broker broker;
    private final OrbClock clock;
    private final Supplier<String> nextTask;
    private final AtomicReference<SyncReport> lastSync = new AtomicReference<>();

    /**
     * @param storage  the database
     * @param broker   the broker (asked for its account by each health check and positions by each scrape)
     * @param clock    "today" for the session's counts
     * @param nextTask the scheduler's next task, described
     */
    public Operations(Storage storage, Broker broker, OrbClock clock, Supplier<String> nextTask) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextTask = Objects.requireNonNull(nextTask, "nextTask");
        Gauge.builder("orb.orders.submitted", this, o -> o.countOrders(r -> r.submittedAt() != null))
                .description("orders submitted in the current session").register(registry);
        Gauge.builder("orb.orders.rejected", this, o -> o.countOrders(r -> r.status() == OrderStatus.REJECTED))
                .description("orders rejected in the current session").register(registry);
        Gauge.builder("orb.orders.filled", this, o -> o.countOrders(r -> r.filledQuantity() > 0))
                .description("orders with at least one fill in the current session").register(registry);
        Gauge.builder("orb.positions.open", broker, b -> b.positions().size())
                .description("open positions at the broker").register(registry);
        Gauge.builder("orb.kill.switch.engaged", storage, s -> s.killSwitch().engaged() ? 1 : 0)
                .description("1 when the kill switch is engaged").register(registry);
    }

    /** The listener to give the nightly sync: records its duration and remembers its last report. */
    public SyncListener syncListener() {
        return new SyncListener() {
            @Override
            public void finished(SyncReport report) {
                lastSync.set(report);
                Timer.builder("orb.sync.duration").tag("outcome", report.outcome().name())
                        .description("nightly sync duration").register(registry)
                        .record(report.elapsed().toNanos(), TimeUnit.NANOSECONDS);
            }
        };
    }

    /** The servlet answering {@code /health} and {@code /metrics} (map it to both paths). */
    public HttpServlet servlet() {
        return new OpsServlet();
    }

    /** The health report as a map; "status" is UP when storage and broker answered. */
    public Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        String storageState = probe(() -> storage.killSwitch());
        String brokerState = probe(() -> broker.account());
        h.put("status", "ok".equals(storageState) && "ok".equals(brokerState) ? "UP" : "DOWN");
        h.put("storage", storageState);
        h.put("broker", brokerState);
        SyncReport last = lastSync.get();
        h.put("lastSync", last == null ? lastStoredSync() : last.session() + " " + last.outcome());
        h.put("nextTask", probe(nextTask::get, true));
        return h;
    }

    /** The metrics in Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    private double countOrders(java.util.function.Predicate<OrderRecord> p) {
        LocalDate today = clock.nowInNewYork().toLocalDate();
        return storage.orders(today).stream().filter(p).count();
    }

    private String lastStoredSync() {
        LocalDate today = clock.nowInNewYork().toLocalDate();
        try {
            List<LocalDate> dates = storage.dailyBarDates(today.minusDays(60), today);
            return dates.isEmpty() ? null : "daily bars up to " + dates.get(dates.size() - 1);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String probe(Supplier<?> s) {
        return probe(s, false);
    }

    private static String probe(Supplier<?> s, boolean value) {
        try {
            Object v = s.get();
            return value ? String.valueOf(v) : "ok";
        } catch (RuntimeException e) {
            return "error: " + e.getClass().getSimpleName();
        }
    }

    private final class OpsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("Cache-Control", "no-store");
            resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if ("/metrics".equals(req.getServletPath())) {
                resp.setContentType("text/plain; version=0.0.4");
                resp.getWriter().write(scrape());
                return;
            }
            Map<String, Object> h = health();
            resp.setStatus("UP".equals(h.get("status")) ? 200 : 503);
            resp.setContentType("application/json");
            resp.getWriter().write(JSON.writeValueAsString(h));
        }
    }
}
